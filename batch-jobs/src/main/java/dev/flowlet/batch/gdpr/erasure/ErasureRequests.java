package dev.flowlet.batch.gdpr.erasure;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The erasure job's reads and writes of {@code data_subject_requests}: the approved request, its
 * progress, its certificate. The request's status is the claimer's and listener's business.
 */
@Component
class ErasureRequests {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ErasureRequests(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The request, checked: an erasure of this subject, approved by someone other than the requester
   * (maker-checker).
   *
   * @throws IllegalStateException when it is not; the message holds ids only
   */
  ErasureRequest approved(UUID requestId, UUID subjectId) {
    ErasureRequest request =
        jdbc
            .query(
                """
                select id, subject_id, requested_by, approved_by from data_subject_requests
                where id = ? and type = 'ERASURE'
                """,
                (rs, row) ->
                    new ErasureRequest(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4)),
                requestId)
            .stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No erasure request " + requestId));
    if (!request.subjectId().equals(subjectId)) {
      throw new IllegalStateException(
          "Erasure request " + requestId + " is not about subject " + subjectId);
    }
    if (request.approvedBy() == null || request.approvedBy().equals(request.requestedBy())) {
      throw new IllegalStateException(
          "Erasure request " + requestId + " lacks the approval of a second person");
    }
    return request;
  }

  void progress(UUID requestId, String step, int done, int total) {
    jdbc.update(
        """
        update data_subject_requests
        set progress = jsonb_build_object('step', ?::text, 'done', ?::int, 'total', ?::int),
            updated_at = ?
        where id = ?
        """,
        step,
        done,
        total,
        Timestamp.from(clock.instant()),
        requestId);
  }

  void certify(UUID requestId, String certificateJson) {
    jdbc.update(
        "update data_subject_requests set certificate = ?::jsonb, updated_at = ? where id = ?",
        certificateJson,
        Timestamp.from(clock.instant()),
        requestId);
  }
}
