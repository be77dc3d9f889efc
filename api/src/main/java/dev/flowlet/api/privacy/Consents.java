package dev.flowlet.api.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code consents} table, and the check that processing bound to a consent calls before it
 * runs. Every grant and withdrawal is a row; a purpose's state is its latest row.
 */
@Component
public class Consents {

  private final JdbcClient jdbc;

  Consents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether {@code customerId}'s latest decision (or the purpose's default) allows processing. */
  public boolean allows(UUID customerId, ConsentPurpose purpose) {
    Boolean latest =
        jdbc.sql(
                """
                select granted from consents where customer_id = ? and purpose = ?
                 order by recorded_at desc, id desc limit 1
                """)
            .params(customerId, purpose.name())
            .query(Boolean.class)
            .optional()
            .orElse(null);
    return purpose.allows(latest);
  }

  void insert(Consent consent, UUID customerId) {
    jdbc.sql(
            """
            insert into consents (id, customer_id, purpose, granted, source, recorded_by,
                recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            consent.id(),
            customerId,
            consent.purpose().name(),
            consent.granted(),
            consent.source().name(),
            consent.recordedBy(),
            Timestamp.from(consent.recordedAt()))
        .update();
  }

  /** Every decision of the customer, oldest first. */
  List<Consent> history(UUID customerId) {
    return jdbc.sql(
            """
            select id, purpose, granted, source, recorded_by, recorded_at from consents
             where customer_id = ? order by recorded_at, id
            """)
        .param(customerId)
        .query(
            (rs, row) ->
                new Consent(
                    rs.getObject("id", UUID.class),
                    ConsentPurpose.valueOf(rs.getString("purpose")),
                    rs.getBoolean("granted"),
                    ConsentSource.valueOf(rs.getString("source")),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  /** One recorded decision. */
  record Consent(
      UUID id,
      ConsentPurpose purpose,
      boolean granted,
      ConsentSource source,
      String recordedBy,
      Instant recordedAt) {}
}
