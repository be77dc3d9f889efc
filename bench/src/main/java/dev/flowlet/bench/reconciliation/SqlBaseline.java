package dev.flowlet.bench.reconciliation;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The baseline: the statement loaded into PostgreSQL with COPY, then reconciled with full outer
 * joins alone: on the transaction id for lines that carry one, then the ledger rows left over
 * against the other lines on currency, signed amount and exact date. No tolerance, no one-to-one
 * guarantee, no duplicate or invalid-line handling: what the database does at its simplest.
 */
final class SqlBaseline {

  /**
   * @param load COPY of the statement file
   * @param join the full outer joins and the counts
   * @param counts results per category
   */
  record Result(Duration load, Duration join, Map<String, Long> counts) {}

  private SqlBaseline() {}

  static Result run(Connection db, Path statement, UUID account) throws Exception {
    try (Statement ddl = db.createStatement()) {
      ddl.execute(
          "create unlogged table if not exists bench_statement (statement_ref text,"
              + " value_date text, amount text, currency text, counterparty text,"
              + " transaction_id text, description text)");
      ddl.execute("truncate bench_statement");
    }
    long started = System.nanoTime();
    try (Reader reader = Files.newBufferedReader(statement, StandardCharsets.UTF_8)) {
      db.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY bench_statement FROM STDIN (FORMAT csv, HEADER true)", reader);
    }
    Duration load = Duration.ofNanos(System.nanoTime() - started);
    started = System.nanoTime();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement settings = db.createStatement()) {
      settings.execute("set work_mem = '64MB'");
    }
    try (PreparedStatement join = db.prepareStatement(JOIN)) {
      join.setObject(1, account);
      join.setObject(2, account);
      join.setObject(3, account);
      join.setObject(4, account);
      join.setObject(5, BenchDataset.FROM.minusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC));
      join.setObject(6, BenchDataset.TO.plusDays(3).atStartOfDay().atOffset(ZoneOffset.UTC));
      try (ResultSet rows = join.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return new Result(load, Duration.ofNanos(System.nanoTime() - started), counts);
  }

  private static final String JOIN =
      """
      with s as (
        select value_date::date as value_date, amount::numeric as amount, currency,
               nullif(transaction_id, '')::uuid as transaction_id
          from bench_statement where value_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      l as (
        select t.id, t.currency,
               case when t.account_id = ? and t.type in ('DEPOSIT', 'REFUND') then t.amount
                    when t.account_id = ? then -t.amount else t.amount end as amount,
               (t.occurred_at at time zone 'UTC')::date as day
          from transactions t
         where (t.account_id = ? or t.counterparty_account_id = ?)
           and t.occurred_at >= ? and t.occurred_at < ?),
      by_id as (
        select l.id as ledger_id, s.amount as line_amount,
               case when s.transaction_id is null then 'MISSING_IN_STATEMENT'
                    when l.id is null then 'MISSING_IN_LEDGER'
                    when l.amount = s.amount and l.currency = s.currency then 'MATCHED'
                    else 'AMOUNT_MISMATCH' end as category
          from (select * from s where transaction_id is not null) s
          full outer join l on l.id = s.transaction_id),
      rest as (
        select case when s.amount is null then 'MISSING_IN_STATEMENT'
                    when l.id is null then 'MISSING_IN_LEDGER' else 'MATCHED' end as category
          from (select * from s where transaction_id is null) s
          full outer join (select l.* from l join by_id b
                             on b.ledger_id = l.id and b.category = 'MISSING_IN_STATEMENT') l
            on l.currency = s.currency and l.amount = s.amount and l.day = s.value_date)
      select category, count(*) from (
        select category from by_id where category <> 'MISSING_IN_STATEMENT'
        union all select category from rest) x
      group by category order by category
      """;
}
