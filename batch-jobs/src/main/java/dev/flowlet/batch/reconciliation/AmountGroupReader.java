package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.reconciliation.AmountGroup.LedgerEntry;
import dev.flowlet.batch.reconciliation.AmountGroup.StatementEntry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * Streams the still-unmatched statement lines and the account's ledger rows of the period (widened
 * by the tolerance) in one ordered cursor, and hands them out as {@link AmountGroup}s. The cursor
 * runs on a connection of its own that stays open across the step's chunk transactions; PostgreSQL
 * sorts, so the heap holds one group at a time. After each chunk it saves the last group's
 * (currency, amount) under the name {@code amountGroupReader}; a restart opens the cursor after it.
 */
class AmountGroupReader implements ItemStreamReader<AmountGroup> {

  private static final String LAST_CURRENCY = "amountGroupReader.lastCurrency";
  private static final String LAST_AMOUNT = "amountGroupReader.lastAmount";
  private static final int FETCH_SIZE = 2000;

  private static final String QUERY =
      """
      select x.side, x.currency, x.amount, x.day, x.line_no, x.ledger_id, x.counterparty,
             x.statement_ref
        from (select 'S' as side, l.currency, l.amount, l.value_date as day, l.line_no,
                     null::uuid as ledger_id, l.counterparty, l.statement_ref
                from batch.reconciliation_lines l
               where l.instance_id = :instance
                 and not exists (select 1 from batch.reconciliation_results r
                                  where r.instance_id = :instance and r.line_no = l.line_no)
              union all
              select 'L', t.currency, %s, %s, null::bigint, t.id,
                     case when t.account_id = :account then t.counterparty_name else sc.name end,
                     null
                from transactions t
                left join accounts sa on t.account_id <> :account and sa.id = t.account_id
                left join customers sc on sc.id = sa.customer_id
               where %s
                 and t.occurred_at >= :start and t.occurred_at < :end
                 and not exists (select 1 from batch.reconciliation_results r
                                  where r.instance_id = :instance and r.ledger_id = t.id)) x
       where :first or (x.currency, x.amount) > (:lastCurrency, :lastAmount)
       order by x.currency, x.amount, x.side, x.day, x.line_no, x.ledger_id
      """
          .formatted(LedgerRows.SIGNED_AMOUNT, LedgerRows.DAY, LedgerRows.OF_ACCOUNT);

  private final DataSource dataSource;
  private final long instanceId;
  private final UUID accountId;
  private final ZoneId zone;
  private final @Nullable LocalDate from;
  private final @Nullable LocalDate to;
  private final long toleranceDays;

  private @Nullable Connection connection;
  private @Nullable PreparedStatement statement;
  private @Nullable ResultSet rows;
  private boolean pending;
  private @Nullable String lastCurrency;
  private @Nullable BigDecimal lastAmount;

  AmountGroupReader(
      DataSource dataSource,
      long instanceId,
      UUID accountId,
      ZoneId zone,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      long toleranceDays) {
    this.dataSource = dataSource;
    this.instanceId = instanceId;
    this.accountId = accountId;
    this.zone = zone;
    this.from = from;
    this.to = to;
    this.toleranceDays = toleranceDays;
  }

  @Override
  public void open(ExecutionContext context) {
    if (context.containsKey(LAST_CURRENCY)) {
      lastCurrency = context.getString(LAST_CURRENCY);
      lastAmount = new BigDecimal(context.getString(LAST_AMOUNT));
    }
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      try (Statement settings = connection.createStatement()) {
        // The sort of a million rows each side stays in memory instead of spilling to disk.
        settings.execute("set local work_mem = '64MB'");
      }
      OffsetDateTime start = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
      OffsetDateTime end = start;
      if (from != null && to != null) {
        start = from.minusDays(toleranceDays).atStartOfDay(zone).toOffsetDateTime();
        end = to.plusDays(toleranceDays + 1).atStartOfDay(zone).toOffsetDateTime();
      }
      MapSqlParameterSource parameters =
          new MapSqlParameterSource()
              .addValue("instance", instanceId)
              .addValue("account", accountId)
              .addValue("zone", zone.getId())
              .addValue("start", start)
              .addValue("end", end)
              .addValue("first", lastCurrency == null)
              .addValue("lastCurrency", lastCurrency == null ? "" : lastCurrency)
              .addValue("lastAmount", lastAmount == null ? BigDecimal.ZERO : lastAmount);
      ParsedSql parsed = NamedParameterUtils.parseSqlStatement(QUERY);
      statement =
          connection.prepareStatement(
              NamedParameterUtils.substituteNamedParameters(parsed, parameters));
      statement.setFetchSize(FETCH_SIZE);
      Object[] values = NamedParameterUtils.buildValueArray(parsed, parameters, null);
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      rows = statement.executeQuery();
      pending = rows.next();
    } catch (SQLException e) {
      close();
      throw new ItemStreamException("Cannot open the ledger and statement cursor", e);
    }
  }

  @Override
  public @Nullable AmountGroup read() throws SQLException {
    if (!pending) {
      return null;
    }
    String currency = rows.getString("currency");
    BigDecimal amount = rows.getBigDecimal("amount");
    List<StatementEntry> lines = new ArrayList<>();
    List<LedgerEntry> ledger = new ArrayList<>();
    while (pending
        && currency.equals(rows.getString("currency"))
        && amount.compareTo(rows.getBigDecimal("amount")) == 0) {
      LocalDate day = rows.getObject("day", LocalDate.class);
      if ("S".equals(rows.getString("side"))) {
        lines.add(
            new StatementEntry(
                rows.getLong("line_no"),
                rows.getString("statement_ref"),
                day,
                rows.getString("counterparty")));
      } else {
        ledger.add(
            new LedgerEntry(
                rows.getObject("ledger_id", UUID.class), day, rows.getString("counterparty")));
      }
      pending = rows.next();
    }
    lastCurrency = currency;
    lastAmount = amount;
    return new AmountGroup(currency, amount, lines, ledger);
  }

  @Override
  public void update(ExecutionContext context) {
    if (lastCurrency != null) {
      context.putString(LAST_CURRENCY, lastCurrency);
      context.putString(LAST_AMOUNT, lastAmount.toPlainString());
    }
  }

  @Override
  public void close() {
    try {
      if (connection != null) {
        connection.rollback();
        connection.close();
      }
    } catch (SQLException e) {
      throw new ItemStreamException("Cannot close the ledger and statement cursor", e);
    } finally {
      connection = null;
      statement = null;
      rows = null;
    }
  }
}
