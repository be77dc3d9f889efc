package dev.flowlet.batch.audit;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * Compares the API's chain in Elasticsearch with the {@code audit_logs} rows the API wrote in the
 * same transaction as each change: every document must equal its row, and every row older than the
 * settle time must have a document. A document altered and re-hashed consistently, or a row deleted
 * from Elasticsearch together with its chain's tail, still shows here.
 */
final class AuditLogCrossCheck {

  private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final String chainId;
  private long documentsCompared;
  private long mismatches;
  private CrossCheckProblem firstProblem;

  AuditLogCrossCheck(JdbcClient jdbc, String chainId) {
    this.jdbc = jdbc;
    this.chainId = chainId;
  }

  /** Compares one page of documents with their rows. */
  void compare(List<AuditEvent> documents) {
    Map<UUID, AuditEvent> byId = new HashMap<>();
    for (AuditEvent document : documents) {
      UUID id = uuid(document.eventId());
      if (id == null) {
        problem(document.eventId(), "document id is not a row id");
      } else {
        byId.put(id, document);
      }
    }
    Map<UUID, AuditEvent> rows = rows(byId.keySet());
    byId.forEach(
        (id, document) -> {
          documentsCompared++;
          AuditEvent row = rows.get(id);
          if (row == null) {
            problem(document.eventId(), "document without an audit_logs row");
          } else {
            String field = firstDifference(row, document);
            if (field != null) {
              problem(document.eventId(), "document differs from its audit_logs row in " + field);
            }
          }
        });
  }

  /**
   * After every document was compared: rows older than {@code before} must number as many as the
   * documents of that age; if fewer documents, finds the first row without one.
   */
  void finish(Instant before, AuditIndex index) {
    long rows =
        jdbc.sql("select count(*) from audit_logs where chain_id = ? and occurred_at < ?")
            .params(chainId, java.sql.Timestamp.from(before))
            .query(Long.class)
            .single();
    if (rows <= documentsCompared) {
      return;
    }
    Instant from = Instant.EPOCH;
    UUID lastId = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
    while (true) {
      List<Object[]> page =
          jdbc.sql(
                  """
                  select id, occurred_at from audit_logs
                  where chain_id = ? and occurred_at < ? and (occurred_at, id) > (?, ?)
                  order by occurred_at, id limit 1000
                  """)
              .params(
                  chainId, java.sql.Timestamp.from(before), java.sql.Timestamp.from(from), lastId)
              .query(
                  (row, n) ->
                      new Object[] {
                        row.getObject("id", UUID.class), row.getTimestamp("occurred_at").toInstant()
                      })
              .list();
      if (page.isEmpty()) {
        return;
      }
      List<String> ids = page.stream().map(row -> row[0].toString()).toList();
      List<String> found = index.existing(ids);
      for (String id : ids) {
        if (!found.contains(id)) {
          problem(id, "audit_logs row without a document in Elasticsearch");
          mismatches += rows - documentsCompared - 1;
          return;
        }
      }
      lastId = (UUID) page.getLast()[0];
      from = (Instant) page.getLast()[1];
    }
  }

  CrossCheckReport report() {
    return new CrossCheckReport(chainId, documentsCompared, mismatches, firstProblem);
  }

  private Map<UUID, AuditEvent> rows(java.util.Set<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            """
            select id, chain_id, occurred_at, actor, role, action, resource_type, resource_id,
                subject_id, outcome, source_ip, request_id, details::text as details
            from audit_logs where id = any(cast(? as uuid[]))
            """)
        .param(
            ids.stream()
                .map(UUID::toString)
                .collect(java.util.stream.Collectors.joining(",", "{", "}")))
        .query(
            (row, n) ->
                new AuditEvent(
                    0,
                    row.getObject("id", UUID.class).toString(),
                    row.getString("chain_id"),
                    row.getTimestamp("occurred_at").toInstant(),
                    row.getString("actor"),
                    row.getString("role"),
                    row.getString("action"),
                    row.getString("resource_type"),
                    row.getString("resource_id"),
                    row.getString("subject_id"),
                    row.getString("outcome"),
                    row.getString("source_ip"),
                    row.getString("request_id"),
                    row.getString("details") == null
                        ? null
                        : EventJson.mapper().readValue(row.getString("details"), DETAILS)))
        .list()
        .stream()
        .collect(java.util.stream.Collectors.toMap(e -> UUID.fromString(e.eventId()), e -> e));
  }

  /** The first field in which the document differs from its row, or null. */
  static String firstDifference(AuditEvent row, AuditEvent document) {
    Map<String, Function<AuditEvent, Object>> fields = new java.util.LinkedHashMap<>();
    fields.put("chainId", AuditEvent::chainId);
    fields.put(
        "occurredAt",
        e -> e.occurredAt() == null ? null : e.occurredAt().truncatedTo(ChronoUnit.MICROS));
    fields.put("actor", AuditEvent::actor);
    fields.put("role", AuditEvent::role);
    fields.put("action", AuditEvent::action);
    fields.put("resourceType", AuditEvent::resourceType);
    fields.put("resourceId", AuditEvent::resourceId);
    fields.put("subjectId", AuditEvent::subjectId);
    fields.put("outcome", AuditEvent::outcome);
    fields.put("sourceIp", AuditEvent::sourceIp);
    fields.put("requestId", AuditEvent::requestId);
    fields.put("details", e -> e.details() == null ? Map.of() : e.details());
    for (var field : fields.entrySet()) {
      if (!Objects.equals(field.getValue().apply(row), field.getValue().apply(document))) {
        return field.getKey();
      }
    }
    return null;
  }

  private void problem(String eventId, String problem) {
    mismatches++;
    if (firstProblem == null) {
      firstProblem = new CrossCheckProblem(eventId, problem);
    }
  }

  private static UUID uuid(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** What the cross-check found. */
  record CrossCheckReport(
      String chainId, long documentsCompared, long mismatches, CrossCheckProblem firstProblem) {}

  /** The first difference between the database and the index. */
  record CrossCheckProblem(String eventId, String problem) {}
}
