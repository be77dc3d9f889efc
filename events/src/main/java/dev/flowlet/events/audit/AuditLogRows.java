package dev.flowlet.events.audit;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * How an audit event is stored in PostgreSQL's {@code audit_logs}, the record of every audited
 * action that {@code ./flowlet verify} and the chain verification job hold Elasticsearch against.
 * The API and batch-jobs both write it, in the transaction of what they audit, next to the event's
 * outbox row; the table is created by the API's migrations.
 */
public final class AuditLogRows {

  /** Inserts one row; bind {@link #parameters} to it. */
  public static final String INSERT =
      """
      insert into audit_logs (id, chain_id, occurred_at, actor, role, action, resource_type,
          resource_id, subject_id, outcome, source_ip, request_id, details)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
      """;

  private AuditLogRows() {}

  /** The values of {@link #INSERT} for {@code event}, in its placeholders' order. */
  public static Object[] parameters(AuditEvent event) {
    return new Object[] {
      UUID.fromString(event.eventId()),
      event.chainId(),
      Timestamp.from(event.occurredAt()),
      event.actor(),
      event.role(),
      event.action(),
      event.resourceType(),
      event.resourceId(),
      event.subjectId(),
      event.outcome(),
      event.sourceIp(),
      event.requestId(),
      EventJson.mapper().writeValueAsString(event.details())
    };
  }
}
