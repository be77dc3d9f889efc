package dev.flowlet.batch;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ledger fixtures written straight into the API's tables, as the API would have written them. */
public final class Ledger {

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  public Ledger(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  /** A new customer with one EUR account; returns the account's id. */
  public UUID account(String holder) {
    UUID customer = UUID.randomUUID();
    UUID account = UUID.randomUUID();
    jdbc.sql("insert into customers (id, name, email, country) values (?, ?, ?, 'DE')")
        .params(customer, holder, customer + "@example.test")
        .update();
    jdbc.sql(
            "insert into accounts (id, customer_id, currency, overdraft_limit) values (?, ?, 'EUR',"
                + " 1000000)")
        .params(account, customer)
        .update();
    return account;
  }

  /** Records many deposits at noon UTC in one batch: {@code amounts[i]} on {@code days[i]}. */
  public void deposits(UUID account, List<String> amounts, List<LocalDate> days) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < amounts.size(); i++) {
      rows.add(
          new Object[] {
            UUID.randomUUID(),
            account,
            new BigDecimal(amounts.get(i)),
            Timestamp.from(days.get(i).atTime(12, 0).toInstant(ZoneOffset.UTC))
          });
    }
    jdbcTemplate.batchUpdate(
        """
        insert into transactions (id, account_id, type, amount, currency, occurred_at,
          counterparty_name, counterparty_country, channel_country, channel_device_id, created_by)
        values (?, ?, 'DEPOSIT', ?, 'EUR', ?, 'Payer', 'DE', 'DE', 'test-device', 'test')
        """,
        rows);
  }

  /**
   * Records {@code lines} deposits on {@code account} in March 2026 and returns the bank statement
   * (CSV with its header) that matches them line for line: line {@code i} is {@code refPrefix + i},
   * amount {@code firstAmount + i}.25; line {@code markAt} names {@code marker} as its
   * counterparty, so a test can make that item fail.
   */
  public String depositsWithMatchingStatement(
      UUID account, int lines, String refPrefix, int firstAmount, int markAt, String marker) {
    LocalDate march = LocalDate.of(2026, 3, 1);
    List<String> amounts = new ArrayList<>();
    List<LocalDate> days = new ArrayList<>();
    StringBuilder csv =
        new StringBuilder(
            "statement_ref,value_date,amount,currency,counterparty,transaction_id,description\n");
    for (int i = 1; i <= lines; i++) {
      String amount = (firstAmount + i) + ".25";
      LocalDate day = march.plusDays(i % 28);
      amounts.add(amount);
      days.add(day);
      csv.append(refPrefix)
          .append(i)
          .append(',')
          .append(day)
          .append(',')
          .append(amount)
          .append(",EUR,")
          .append(i == markAt ? marker : "Payer")
          .append(",,deposit\n");
    }
    deposits(account, amounts, days);
    return csv.toString();
  }

  /**
   * Records a transaction at noon UTC of {@code day}; {@code target} is the receiving account of a
   * TRANSFER, null otherwise. Returns its id.
   */
  public UUID record(
      UUID account, String type, String amount, LocalDate day, String counterparty, UUID target) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into transactions (id, account_id, type, amount, currency, occurred_at,
              counterparty_name, counterparty_country, channel_country, channel_device_id,
              created_by, counterparty_account_id)
            values (?, ?, ?, ?, 'EUR', ?, ?, 'DE', 'DE', 'test-device', 'test', ?)
            """)
        .params(
            id,
            account,
            type,
            new BigDecimal(amount),
            Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)),
            counterparty,
            target)
        .update();
    return id;
  }
}
