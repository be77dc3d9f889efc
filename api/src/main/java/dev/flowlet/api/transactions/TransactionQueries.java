package dev.flowlet.api.transactions;

import dev.flowlet.api.cards.CardView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads transactions with their risk decision. */
@Component
class TransactionQueries {

  private static final TypeReference<List<TransactionView.Reason>> REASONS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  TransactionQueries(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<TransactionView> find(UUID id) {
    return jdbc.sql(
            """
            select t.*, d.outcome, d.score, d.reasons, d.decided_at,
                c.bin as card_bin, c.last4 as card_last4, c.pan_length as card_length
            from transactions t left join risk_decisions d on d.transaction_id = t.id
            left join cards c on c.id = t.card_id
            where t.id = ?
            """)
        .param(id)
        .query((rs, row) -> view(rs))
        .optional();
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
                rs.getTimestamp("decided_at").toInstant());
    return new TransactionView(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("type"),
        rs.getBigDecimal("amount")
            .stripTrailingZeros()
            .setScale(Currencies.fractionDigits(rs.getString("currency"))),
        rs.getString("currency"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        new RecordTransaction.Counterparty(
            rs.getString("counterparty_name"), rs.getString("counterparty_country")),
        new RecordTransaction.Channel(
            rs.getString("channel_country"), rs.getString("channel_device_id")),
        risk == null ? TransactionView.SCREENING : TransactionView.SCREENED,
        risk,
        CardView.of(
            rs.getString("card_bin"),
            rs.getString("card_last4"),
            rs.getObject("card_length", Integer.class)));
  }
}
