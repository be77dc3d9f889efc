package dev.flowlet.api.alerts;

import dev.flowlet.api.alerts.CaseStatus.Step;
import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alerts}: the alert cases. Compliance officers assign, investigate, annotate and
 * close; closing a HIGH or CRITICAL alert is only requested, and an approver other than the
 * requester approves or rejects it.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertCaseController {

  private final AlertCases cases;
  private final AlertCaseWork work;
  private final JdbcClient jdbc;

  AlertCaseController(AlertCases cases, AlertCaseWork work, JdbcClient jdbc) {
    this.cases = cases;
    this.work = work;
    this.jdbc = jdbc;
  }

  /** Newest first; pass {@code before} = the last {@code raisedAt} of a page for the next one. */
  @GetMapping
  List<AlertCase> list(
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) Instant before,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 200) {
      throw new InvalidRequestException("limit", "must be between 1 and 200");
    }
    return cases.list(status, severity == null ? null : severity.name(), before, limit);
  }

  @GetMapping("/{id}")
  AlertCase read(@PathVariable String id) {
    return cases
        .find(id, false)
        .map(found -> found.withHistory(cases.history(id)))
        .orElseThrow(() -> new NotFoundException("alert"));
  }

  @PostMapping("/{id}/assign")
  AlertCase assign(
      @PathVariable String id,
      @Valid @RequestBody Assign command,
      Authentication user,
      HttpServletRequest request) {
    boolean staff =
        jdbc.sql("select exists (select 1 from staff_users where username = ? and enabled)")
            .param(command.assignee())
            .query(Boolean.class)
            .single();
    if (!staff) {
      throw new InvalidRequestException("assignee", "is not an enabled staff user");
    }
    return work.apply(
        id, Step.ASSIGN, Actor.of(user, request), command.note(), command.assignee(), null);
  }

  @PostMapping("/{id}/investigate")
  AlertCase investigate(
      @PathVariable String id,
      @Valid @RequestBody Note command,
      Authentication user,
      HttpServletRequest request) {
    return work.apply(id, Step.INVESTIGATE, Actor.of(user, request), command.note(), null, null);
  }

  @PostMapping("/{id}/notes")
  AlertCase note(
      @PathVariable String id,
      @Valid @RequestBody Note command,
      Authentication user,
      HttpServletRequest request) {
    if (command.note() == null || command.note().isBlank()) {
      throw new InvalidRequestException("note", "must not be blank");
    }
    return work.apply(id, Step.NOTE, Actor.of(user, request), command.note(), null, null);
  }

  @PostMapping("/{id}/close")
  AlertCase close(
      @PathVariable String id,
      @Valid @RequestBody Close command,
      Authentication user,
      HttpServletRequest request) {
    return work.apply(
        id, Step.CLOSE, Actor.of(user, request), command.note(), null, command.as().name());
  }

  @PostMapping("/{id}/close/approve")
  AlertCase approveClose(
      @PathVariable String id,
      @Valid @RequestBody(required = false) Note command,
      Authentication user,
      HttpServletRequest request) {
    return work.apply(
        id,
        Step.APPROVE_CLOSE,
        Actor.of(user, request),
        command == null ? null : command.note(),
        null,
        null);
  }

  @PostMapping("/{id}/close/reject")
  AlertCase rejectClose(
      @PathVariable String id,
      @Valid @RequestBody Note command,
      Authentication user,
      HttpServletRequest request) {
    return work.apply(id, Step.REJECT_CLOSE, Actor.of(user, request), command.note(), null, null);
  }

  enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }

  enum Verdict {
    TRUE_POSITIVE,
    FALSE_POSITIVE
  }

  record Assign(@NotBlank @Size(max = 64) String assignee, @Size(max = 2000) String note) {}

  record Note(@Size(max = 2000) String note) {}

  record Close(@NotNull Verdict as, @NotBlank @Size(max = 2000) String note) {}
}
