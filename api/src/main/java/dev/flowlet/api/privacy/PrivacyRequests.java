package dev.flowlet.api.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code data_subject_requests} table, as the API reads and changes it. */
@Component
class PrivacyRequests {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  PrivacyRequests(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(
      UUID id,
      UUID subjectId,
      RequestType type,
      RequestStatus status,
      String requestedBy,
      Instant receivedAt,
      Instant dueAt) {
    jdbc.sql(
            """
            insert into data_subject_requests (id, subject_id, type, status, requested_by,
                received_at, due_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            subjectId,
            type.name(),
            status.name(),
            requestedBy,
            Timestamp.from(receivedAt),
            Timestamp.from(dueAt),
            Timestamp.from(receivedAt))
        .update();
  }

  boolean hasOpen(UUID subjectId, RequestType type) {
    return jdbc.sql(
            """
            select exists (select 1 from data_subject_requests
                            where subject_id = ? and type = ?
                              and status in ('AWAITING_APPROVAL', 'RECEIVED', 'RUNNING'))
            """)
        .params(subjectId, type.name())
        .query(Boolean.class)
        .single();
  }

  /** The request, locked for update when {@code forUpdate}. */
  Optional<PrivacyRequest> find(UUID id, boolean forUpdate) {
    return jdbc.sql(
            "select * from data_subject_requests where id = ?" + (forUpdate ? " for update" : ""))
        .param(id)
        .query((rs, row) -> request(rs))
        .optional();
  }

  /** Newest first, at most {@code limit}; null filters match everything. */
  List<PrivacyRequest> list(RequestStatus status, UUID subjectId, int limit) {
    StringBuilder sql = new StringBuilder("select * from data_subject_requests where true");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status.name());
    }
    if (subjectId != null) {
      sql.append(" and subject_id = ?");
      params.add(subjectId);
    }
    sql.append(" order by received_at desc, id limit ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query((rs, row) -> request(rs)).list();
  }

  void approve(UUID id, String approver, Instant at) {
    jdbc.sql(
            """
            update data_subject_requests set status = 'RECEIVED', approved_by = ?,
                approved_at = ?, updated_at = ? where id = ?
            """)
        .params(approver, Timestamp.from(at), Timestamp.from(at), id)
        .update();
  }

  void reject(UUID id, String approver, String reason, Instant at) {
    jdbc.sql(
            """
            update data_subject_requests set status = 'REJECTED', rejected_by = ?,
                rejected_at = ?, rejection_reason = ?, updated_at = ? where id = ?
            """)
        .params(approver, Timestamp.from(at), reason, Timestamp.from(at), id)
        .update();
  }

  /**
   * Marks the archive downloaded, once: false when someone else already did (the row is locked by
   * the caller, so this only guards against a second API instance without the lock).
   */
  boolean markDownloaded(UUID id, String by, Instant at) {
    return jdbc.sql(
                """
                update data_subject_requests set downloaded_by = ?, downloaded_at = ?,
                    updated_at = ?
                 where id = ? and downloaded_at is null
                """)
            .params(by, Timestamp.from(at), Timestamp.from(at), id)
            .update()
        == 1;
  }

  private PrivacyRequest request(ResultSet rs) throws SQLException {
    String file = rs.getString("archive_path");
    PrivacyRequest.Archive archive =
        file == null && rs.getString("archive_sha256") == null
            ? null
            : new PrivacyRequest.Archive(
                file,
                rs.getString("archive_sha256"),
                rs.getLong("archive_bytes"),
                rs.getString("downloaded_by"),
                instant(rs, "downloaded_at"));
    Long execution = rs.getObject("job_execution_id", Long.class);
    return new PrivacyRequest(
        rs.getObject("id", UUID.class),
        rs.getObject("subject_id", UUID.class),
        RequestType.valueOf(rs.getString("type")),
        RequestStatus.valueOf(rs.getString("status")),
        instant(rs, "received_at"),
        instant(rs, "due_at"),
        rs.getString("requested_by"),
        rs.getString("approved_by"),
        instant(rs, "approved_at"),
        rs.getString("rejected_by"),
        instant(rs, "rejected_at"),
        rs.getString("rejection_reason"),
        rs.getString("handled_by"),
        execution,
        instant(rs, "started_at"),
        instant(rs, "completed_at"),
        jsonb(rs.getString("progress")),
        rs.getString("failure"),
        archive,
        jsonb(rs.getString("certificate")),
        instant(rs, "updated_at"));
  }

  private JsonNode jsonb(String value) {
    return value == null ? null : json.readTree(value);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
