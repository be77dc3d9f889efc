package dev.flowlet.api.privacy;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.problems.ForbiddenException;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/privacy/requests}: compliance officers file export and erasure requests for a data
 * subject; approvers decide erasures; batch-jobs runs them; the officer downloads an export once.
 * Every read of a request is audited, since a request is personal data about its subject.
 */
@RestController
@RequestMapping("/api/v1/privacy/requests")
class PrivacyRequestController {

  private static final Logger log = LoggerFactory.getLogger(PrivacyRequestController.class);

  private final PrivacyRequestReads reads;
  private final PrivacyRequestWork work;
  private final ExportDownload downloads;
  private final RefusedDecisions refusals;

  PrivacyRequestController(
      PrivacyRequestReads reads,
      PrivacyRequestWork work,
      ExportDownload downloads,
      RefusedDecisions refusals) {
    this.reads = reads;
    this.work = work;
    this.downloads = downloads;
    this.refusals = refusals;
  }

  @PostMapping
  ResponseEntity<Map<String, UUID>> receive(
      @Valid @RequestBody FileRequest command, Authentication user, HttpServletRequest request) {
    UUID id = work.receive(command.subjectId(), command.type(), Actor.of(user, request));
    return ResponseEntity.created(URI.create("/api/v1/privacy/requests/" + id))
        .body(Map.of("id", id));
  }

  @GetMapping("/{id}")
  PrivacyRequest read(@PathVariable UUID id, Authentication user, HttpServletRequest request) {
    return reads
        .read(id, Actor.of(user, request))
        .orElseThrow(() -> new NotFoundException("privacy request"));
  }

  /** Newest first, at most {@code limit} (1 to 200). */
  @GetMapping
  List<PrivacyRequest> list(
      @RequestParam(required = false) RequestStatus status,
      @RequestParam(required = false) UUID subjectId,
      @RequestParam(defaultValue = "50") int limit,
      Authentication user,
      HttpServletRequest request) {
    if (limit < 1 || limit > 200) {
      throw new InvalidRequestException("limit", "must be between 1 and 200");
    }
    return reads.list(status, subjectId, limit, Actor.of(user, request));
  }

  @PostMapping("/{id}/approve")
  PrivacyRequest approve(@PathVariable UUID id, Authentication user, HttpServletRequest request) {
    Actor actor = Actor.of(user, request);
    try {
      return work.approve(id, actor);
    } catch (ForbiddenException e) {
      refusals.record(id, "approved", actor);
      throw e;
    }
  }

  @PostMapping("/{id}/reject")
  PrivacyRequest reject(
      @PathVariable UUID id,
      @Valid @RequestBody Reject command,
      Authentication user,
      HttpServletRequest request) {
    Actor actor = Actor.of(user, request);
    try {
      return work.reject(id, command.reason().strip(), actor);
    } catch (ForbiddenException e) {
      refusals.record(id, "rejected", actor);
      throw e;
    }
  }

  /**
   * Streams the archive of a completed export, once. {@code Digest} (RFC 3230), {@code Repr-Digest}
   * (RFC 9530) and the ETag carry its SHA-256, so the client can check what it received.
   */
  @GetMapping("/{id}/export")
  void download(
      @PathVariable UUID id,
      Authentication user,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    ExportDownload.Claimed archive = downloads.claim(id, Actor.of(user, request));
    String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(archive.sha256()));
    response.setStatus(200);
    response.setContentType("application/zip");
    response.setContentLengthLong(archive.bytes());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("flowlet-export-" + id + ".zip")
            .build()
            .toString());
    response.setHeader(HttpHeaders.ETAG, "\"" + archive.sha256() + "\"");
    response.setHeader("Digest", "SHA-256=" + base64);
    response.setHeader("Repr-Digest", "sha-256=:" + base64 + ":");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    try (InputStream in = Files.newInputStream(archive.file());
        OutputStream out = response.getOutputStream()) {
      in.transferTo(out);
    } finally {
      // Handed out once: whether or not the client read it all, the copy here goes.
      try {
        Files.deleteIfExists(archive.file());
      } catch (IOException e) {
        log.error("Could not delete the downloaded export archive of request {}", id, e);
      }
    }
  }

  record FileRequest(@NotNull UUID subjectId, @NotNull RequestType type) {}

  record Reject(@NotBlank @Size(max = 2000) String reason) {}
}
