package dev.flowlet.api.privacy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A data subject request as {@code GET /api/v1/privacy/requests/{id}} shows it.
 *
 * @param progress the running job's {@code {"step","done","total"}}, or null
 * @param failure why the job failed, without personal data, or null
 * @param archive the export archive once written, or null
 * @param certificate the erasure certificate once written, or null
 */
record PrivacyRequest(
    UUID id,
    UUID subjectId,
    RequestType type,
    RequestStatus status,
    Instant receivedAt,
    Instant dueAt,
    String requestedBy,
    String approvedBy,
    Instant approvedAt,
    String rejectedBy,
    Instant rejectedAt,
    String rejectionReason,
    String handledBy,
    Long jobExecutionId,
    Instant startedAt,
    Instant completedAt,
    JsonNode progress,
    String failure,
    Archive archive,
    JsonNode certificate,
    Instant updatedAt) {

  /**
   * @param sha256 hex SHA-256 of the zip file
   * @param bytes its size
   * @param downloadedBy who downloaded it (it can be downloaded once), or null
   */
  record Archive(
      @JsonIgnore String file,
      String sha256,
      long bytes,
      String downloadedBy,
      Instant downloadedAt) {

    /** Whether the archive can still be downloaded (only once). */
    @JsonProperty
    public boolean available() {
      return downloadedAt == null;
    }
  }
}
