package dev.flowlet.api.privacy;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.problems.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Hands out an export archive exactly once: the download is recorded and audited (and committed)
 * before a byte is sent, so a second request, on any API instance, is answered 410 Gone; the
 * controller deletes the file once it has been streamed.
 */
@Component
class ExportDownload {

  private final PrivacyRequests requests;
  private final AuditTrail audit;
  private final PrivacySettings settings;
  private final Clock clock;

  ExportDownload(
      PrivacyRequests requests, AuditTrail audit, PrivacySettings settings, Clock clock) {
    this.requests = requests;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Claims the archive of a completed export for {@code actor}.
   *
   * @throws ConflictException 409 when the request is not a completed export
   * @throws ErrorResponseException 410 when it was downloaded already or its file is gone
   */
  @Transactional
  Claimed claim(UUID id, Actor actor) {
    PrivacyRequest request =
        requests.find(id, true).orElseThrow(() -> new NotFoundException("privacy request"));
    if (request.type() != RequestType.EXPORT) {
      throw new ConflictException("Only an export request has an archive");
    }
    if (request.status() != RequestStatus.COMPLETED || request.archive() == null) {
      throw new ConflictException(
          "The export is %s; download it once it is COMPLETED".formatted(request.status()));
    }
    PrivacyRequest.Archive archive = request.archive();
    Path file = resolve(archive.file());
    if (!archive.available() || file == null || !Files.isRegularFile(file)) {
      throw gone();
    }
    if (!requests.markDownloaded(
        id, actor.name(), clock.instant().truncatedTo(ChronoUnit.MICROS))) {
      throw gone();
    }
    audit.record(
        actor,
        "privacy.export.downloaded",
        "privacy_request",
        id.toString(),
        request.subjectId().toString(),
        Outcome.SUCCESS,
        Map.of("sha256", archive.sha256(), "bytes", Long.toString(archive.bytes())));
    return new Claimed(file, archive.sha256(), archive.bytes());
  }

  /** The archive's file inside the export folder; null for a name that would leave it. */
  private Path resolve(String name) {
    if (name == null) {
      return null;
    }
    Path file = settings.exportDir().resolve(name).normalize();
    return file.startsWith(settings.exportDir()) ? file : null;
  }

  private static ErrorResponseException gone() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.GONE,
            "The archive was downloaded already; it is handed out once. Request a new export.");
    problem.setType(Problems.type("export-gone"));
    return new ErrorResponseException(HttpStatus.GONE, problem, null);
  }

  record Claimed(Path file, String sha256, long bytes) {}
}
