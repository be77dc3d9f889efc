package dev.flowlet.api.transactions;

import dev.flowlet.api.cards.CardView;
import dev.flowlet.api.transactions.TransactionFilter.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads transactions with their risk decision: one by id, or a page newest first. Pages are
 * keyset-paginated on (created_at, id), which the production guide's indexes serve.
 */
@Component
class TransactionQueries {

  private static final TypeReference<List<TransactionView.Reason>> REASONS =
      new TypeReference<>() {};
  private static final TypeReference<Map<String, Long>> VERSIONS = new TypeReference<>() {};
  private static final String SELECT =
      """
      select t.*, d.outcome, d.score, d.reasons, d.decided_at, d.rule_versions,
          c.bin as card_bin, c.last4 as card_last4, c.pan_length as card_length
      from transactions t left join risk_decisions d on d.transaction_id = t.id
      left join cards c on c.id = t.card_id
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  TransactionQueries(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<TransactionView> find(UUID id) {
    return jdbc.sql(SELECT + " where t.id = ?").param(id).query((rs, row) -> view(rs)).optional();
  }

  /** One page; {@code next} is the cursor of the following page, or null on the last one. */
  TransactionPage list(TransactionFilter filter) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (filter.accountId() != null) {
      where.add("(t.account_id = ? or t.counterparty_account_id = ?)");
      params.add(filter.accountId());
      params.add(filter.accountId());
    }
    if (filter.type() != null) {
      where.add("t.type = ?");
      params.add(filter.type().name());
    }
    if (filter.from() != null) {
      where.add("t.occurred_at >= ?");
      params.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.add("t.occurred_at < ?");
      params.add(Timestamp.from(filter.to()));
    }
    if (TransactionView.SCREENING.equals(filter.status())) {
      where.add("d.transaction_id is null");
    } else if (TransactionView.SCREENED.equals(filter.status())) {
      where.add("d.transaction_id is not null");
    }
    if (filter.outcome() != null) {
      where.add("d.outcome = ?");
      params.add(filter.outcome());
    }
    if (filter.after() != null) {
      where.add("(t.created_at, t.id) < (?, ?)");
      params.add(Timestamp.from(filter.after().createdAt()));
      params.add(filter.after().id());
    }
    String sql =
        SELECT
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by t.created_at desc, t.id desc limit ?";
    params.add(filter.limit() + 1);
    List<TransactionView> rows = jdbc.sql(sql).params(params).query((rs, row) -> view(rs)).list();
    if (rows.size() <= filter.limit()) {
      return new TransactionPage(rows, null);
    }
    List<TransactionView> page = rows.subList(0, filter.limit());
    TransactionView last = page.getLast();
    return new TransactionPage(page, new Position(last.createdAt(), last.id()).encode());
  }

  /** The id inside a stored answer body. */
  String idOf(String body) {
    return json.readTree(body).get("id").asString();
  }

  private TransactionView view(ResultSet rs) throws SQLException {
    String outcome = rs.getString("outcome");
    TransactionView.Risk risk =
        outcome == null
            ? null
            : new TransactionView.Risk(
                outcome,
                rs.getInt("score"),
                json.readValue(rs.getString("reasons"), REASONS),
                rs.getTimestamp("decided_at").toInstant(),
                rs.getString("rule_versions") == null
                    ? null
                    : json.readValue(rs.getString("rule_versions"), VERSIONS));
    String currency = rs.getString("currency");
    int digits = Currencies.fractionDigits(currency);
    var balanceAfter = rs.getBigDecimal("balance_after");
    return new TransactionView(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("type"),
        rs.getBigDecimal("amount").setScale(digits),
        currency,
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        new RecordTransaction.Counterparty(
            rs.getString("counterparty_name"),
            rs.getString("counterparty_country"),
            rs.getObject("counterparty_account_id", UUID.class)),
        new RecordTransaction.Channel(
            rs.getString("channel_country"), rs.getString("channel_device_id")),
        balanceAfter == null ? null : balanceAfter.setScale(digits),
        risk == null ? TransactionView.SCREENING : TransactionView.SCREENED,
        risk,
        CardView.of(
            rs.getString("card_bin"),
            rs.getString("card_last4"),
            rs.getObject("card_length", Integer.class)));
  }

  /**
   * @param items the transactions, newest first
   * @param next cursor of the next page, null on the last page
   */
  record TransactionPage(List<TransactionView> items, String next) {}
}
