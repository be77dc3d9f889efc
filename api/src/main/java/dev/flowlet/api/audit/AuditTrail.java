package dev.flowlet.api.audit;

import dev.flowlet.api.outbox.Outbox;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditLogRows;
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
    jdbc.sql(AuditLogRows.INSERT).params(AuditLogRows.parameters(event)).update();
    outbox.append(Topics.AUDIT, event.chainId(), event);
    return event;
  }

  /** Whether the audited action succeeded. */
  public enum Outcome {
    SUCCESS,
    FAILURE
  }
}
