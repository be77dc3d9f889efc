package dev.flowlet.api.audit;

import dev.flowlet.api.outbox.Outbox;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.Topics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audit events in {@code audit_logs} and the outbox, inside the transaction of the change
 * they describe: a change without its audit record cannot commit.
 */
@Component
public class AuditTrail {

  /** The chain of every event the API writes. */
  static final String API_CHAIN = "api";

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Records that {@code actor} performed {@code action} on a resource.
   *
   * @param subjectId the data subject concerned (a customer id), or null
   * @param details further facts; never personal data or card numbers
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEvent record(
      Actor actor,
      String action,
      String resourceType,
      String resourceId,
      String subjectId,
      Outcome outcome,
      Map<String, String> details) {
    Instant now = clock.instant();
    AuditEvent event =
        new AuditEvent(
            AuditEvent.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            API_CHAIN,
            now,
            actor.name(),
            actor.role(),
            action,
            resourceType,
            resourceId,
            subjectId,
            outcome.name(),
            actor.sourceIp(),
            actor.requestId(),
            details);
    jdbc.sql(
            """
            insert into audit_logs (id, chain_id, occurred_at, actor, role, action, resource_type,
                resource_id, subject_id, outcome, source_ip, request_id, details)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
            """)
        .params(
            UUID.fromString(event.eventId()),
            event.chainId(),
            Timestamp.from(now),
            event.actor(),
            event.role(),
            event.action(),
            event.resourceType(),
            event.resourceId(),
            event.subjectId(),
            event.outcome(),
            event.sourceIp(),
            event.requestId(),
            EventJson.mapper().writeValueAsString(details))
        .update();
    outbox.append(Topics.AUDIT, event.chainId(), event);
    return event;
  }

  /** Whether the audited action succeeded. */
  public enum Outcome {
    SUCCESS,
    FAILURE
  }
}
