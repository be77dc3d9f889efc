package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.imports.ImportFolder;
import dev.flowlet.batch.problems.ProblemException;
import dev.flowlet.batch.security.StaffRole;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/jobs/reconciliationJob/statements} with a {@code text/csv} body: stores the
 * statement in the import folder ({@code uploads/}) and answers 201 with its absolute path and
 * SHA-256, to be passed as {@code file} when starting {@code reconciliationJob}. Bodies over {@code
 * flowlet.batch.reconciliation.max-upload-size} are refused with 413 and not kept; a file that is
 * not a statement in the configured layout is refused with 422 and not kept.
 */
@RestController
class StatementUploadController {

  private static final Logger log = LoggerFactory.getLogger(StatementUploadController.class);

  private final ImportFolder imports;
  private final ReconciliationSettings settings;
  private final ReconciliationRequests requests;

  StatementUploadController(
      ImportFolder imports, ReconciliationSettings settings, ReconciliationRequests requests) {
    this.imports = imports;
    this.settings = settings;
    this.requests = requests;
  }

  @PostMapping(path = "/api/v1/jobs/reconciliationJob/statements", consumes = "text/csv")
  ResponseEntity<Map<String, Object>> upload(HttpServletRequest request, Authentication caller)
      throws IOException {
    if (!StaffRole.anyOf(caller, requests.runners())) {
      throw ProblemException.forbidden("Your role does not allow running reconciliationJob");
    }
    long limit = settings.maxUploadSize().toBytes();
    if (request.getContentLengthLong() > limit) {
      throw ProblemException.tooLarge("The statement is larger than " + limit + " bytes");
    }
    Path stored = imports.store(request.getInputStream(), "uploads", ".csv", limit);
    try {
      StatementFiles.columns(stored, settings.format());
    } catch (StatementFormatException e) {
      Files.deleteIfExists(stored);
      throw ProblemException.invalid(
          "body", "is not a statement in the configured layout: " + e.getMessage());
    }
    log.info("{} uploaded a statement of {} bytes", caller.getName(), Files.size(stored));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            Map.of(
                "file", stored.toString(),
                "sha256", StatementFiles.sha256(stored),
                "size", Files.size(stored)));
  }
}
