package dev.flowlet.bench.reconciliation;

import java.io.BufferedWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * One account with {@code rows} ledger rows over a month (written with COPY) and a statement of as
 * many lines that reports them the way a bank would: 70% echo the transaction id, the rest are
 * matched by amount and date (10% of those a day late). Per 1,000 ledger rows: 10 are missing from
 * the statement, 10 lines echo a wrong amount, 8 lines have no ledger row, 1 line is a duplicate
 * and 1 is invalid, so the statement has as many lines as the ledger has rows.
 */
final class BenchDataset {

  static final LocalDate FROM = LocalDate.of(2026, 3, 1);
  static final LocalDate TO = LocalDate.of(2026, 3, 31);
  private static final String[] TYPES = {"DEPOSIT", "REFUND", "CARD_PAYMENT", "WITHDRAWAL"};
  private static final int COPY_BATCH = 50_000;

  /**
   * @param account the reconciled account
   * @param statement the statement file
   * @param lines statement lines written
   */
  record Generated(UUID account, Path statement, long lines) {}

  private BenchDataset() {}

  static Generated create(Connection db, Path importDir, int rows, long seed) throws Exception {
    Random random = new Random(seed);
    UUID account = account(db);
    Files.createDirectories(importDir);
    Path statement = importDir.resolve("bench-statement-" + account + ".csv");
    long lines = 0;
    StringBuilder copy = new StringBuilder();
    try (BufferedWriter out = Files.newBufferedWriter(statement, StandardCharsets.UTF_8)) {
      out.write(
          "statement_ref,value_date,amount,currency,counterparty,transaction_id,description\n");
      String previous = null;
      for (int i = 0; i < rows; i++) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        String type = TYPES[random.nextInt(TYPES.length)];
        long cents = 100 + random.nextInt(500_000);
        String amount = (cents / 100) + "." + String.format("%02d", cents % 100);
        boolean debit = type.equals("CARD_PAYMENT") || type.equals("WITHDRAWAL");
        LocalDate day = FROM.plusDays((long) i * 31 / rows);
        String counterparty = "Party " + random.nextInt(500);
        copy.append(id)
            .append(',')
            .append(account)
            .append(',')
            .append(type)
            .append(',')
            .append(amount)
            .append(",EUR,")
            .append(day.atTime(8 + random.nextInt(10), 0).atOffset(ZoneOffset.UTC))
            .append(',')
            .append(counterparty)
            .append(",DE,DE,bench-device,bench\n");
        int k = i % 1000;
        String signed = (debit ? "-" : "") + amount;
        String line;
        if (k % 100 == 0) {
          line = null; // this ledger row is missing from the statement
        } else if (k % 100 == 1) {
          line =
              line(
                  lines + 2,
                  day,
                  (debit ? "-" : "") + (cents / 100 + 1) + "." + String.format("%02d", cents % 100),
                  counterparty,
                  id.toString());
        } else if (k % 100 < 72) {
          line = line(lines + 2, day, signed, counterparty, id.toString());
        } else {
          LocalDate valueDate = random.nextInt(10) == 0 ? day.plusDays(1) : day;
          line = line(lines + 2, valueDate, signed, counterparty, "");
        }
        if (line != null) {
          out.write(line);
          lines++;
          previous = line;
        }
        if (k % 125 == 3) {
          out.write(line(lines + 2, day, "-" + (7000 + random.nextInt(999)) + ".77", "Nobody", ""));
          lines++;
        }
        if (k == 500 && previous != null) {
          out.write(previous);
          lines++;
          out.write("X" + (lines + 2) + ",31.03.2026,-1.00,EUR,Invalid,,bad date\n");
          lines++;
        }
        if (copy.length() > 0 && (i + 1) % COPY_BATCH == 0) {
          copyLedger(db, copy);
        }
      }
    }
    copyLedger(db, copy);
    try (Statement analyze = db.createStatement()) {
      analyze.execute("analyze transactions");
    }
    return new Generated(account, statement, lines);
  }

  private static String line(
      long number, LocalDate day, String amount, String counterparty, String id) {
    return "S"
        + number
        + ","
        + day
        + ","
        + amount
        + ",EUR,"
        + counterparty
        + ","
        + id
        + ",payment\n";
  }

  private static UUID account(Connection db) throws Exception {
    UUID customer = UUID.randomUUID();
    UUID account = UUID.randomUUID();
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into customers (id, name, email, country) values (?, 'Bench Holder', ?, 'DE')")) {
      insert.setObject(1, customer);
      insert.setString(2, customer + "@bench.example");
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into accounts (id, customer_id, currency) values (?, ?, 'EUR')")) {
      insert.setObject(1, account);
      insert.setObject(2, customer);
      insert.executeUpdate();
    }
    return account;
  }

  private static void copyLedger(Connection db, StringBuilder rows) throws Exception {
    if (rows.isEmpty()) {
      return;
    }
    db.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(
            "COPY transactions (id, account_id, type, amount, currency, occurred_at,"
                + " counterparty_name, counterparty_country, channel_country, channel_device_id,"
                + " created_by) FROM STDIN (FORMAT csv)",
            new StringReader(rows.toString()));
    rows.setLength(0);
  }
}
