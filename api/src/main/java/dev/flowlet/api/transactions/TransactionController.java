package dev.flowlet.api.transactions;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.api.transactions.TransactionQueries.TransactionPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/transactions}: record a money movement, read one with its risk decision, list them
 * newest first. Reads are audited: a transaction names its counterparty.
 */
@RestController
@RequestMapping("/api/v1/transactions")
class TransactionController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern WELL_FORMED_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private final TransactionRecording recording;
  private final TransactionQueries queries;
  private final AuditTrail audit;

  TransactionController(
      TransactionRecording recording, TransactionQueries queries, AuditTrail audit) {
    this.recording = recording;
    this.queries = queries;
    this.audit = audit;
  }

  @PostMapping
  ResponseEntity<String> record(
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestBody RecordTransaction command,
      Authentication user,
      HttpServletRequest request) {
    if (idempotencyKey == null || !WELL_FORMED_KEY.matcher(idempotencyKey).matches()) {
      throw new InvalidRequestException(
          IDEMPOTENCY_KEY,
          "header required: 1 to 128 visible ASCII characters, unique per request");
    }
    TransactionRecording.Recorded recorded =
        recording.record(command, idempotencyKey, Actor.of(user, request));
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(HttpStatus.valueOf(recorded.status()));
    if (recorded.status() == HttpStatus.CREATED.value()) {
      String id = queries.idOf(recorded.body());
      answer.location(URI.create("/api/v1/transactions/" + id));
    }
    if (recorded.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(recorded.body());
  }

  @GetMapping("/{id}")
  @Transactional
  TransactionView read(@PathVariable UUID id, Authentication user, HttpServletRequest request) {
    TransactionView transaction =
        queries.find(id).orElseThrow(() -> new NotFoundException("transaction"));
    audit.record(
        Actor.of(user, request),
        "transaction.read",
        "transaction",
        id.toString(),
        null,
        Outcome.SUCCESS,
        Map.of("accountId", transaction.accountId().toString()));
    return transaction;
  }

  /**
   * Newest first, {@code limit} per page (default 50, at most 200); pass the {@code next} cursor of
   * a page to get the following one.
   */
  @GetMapping
  @Transactional
  TransactionPage list(
      @RequestParam(required = false) UUID accountId,
      @RequestParam(required = false) TransactionType type,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) ListedStatus status,
      @RequestParam(required = false) ListedOutcome outcome,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) String cursor,
      Authentication user,
      HttpServletRequest request) {
    if (limit < 1 || limit > TransactionFilter.MAX_LIMIT) {
      throw new InvalidRequestException(
          "limit", "must be between 1 and " + TransactionFilter.MAX_LIMIT);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidRequestException("to", "must be after from");
    }
    TransactionFilter filter =
        new TransactionFilter(
            accountId,
            type,
            from,
            to,
            status == null ? null : status.name(),
            outcome == null ? null : outcome.name(),
            limit,
            cursor == null ? null : TransactionFilter.Position.decode(cursor));
    TransactionPage page = queries.list(filter);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("returned", Integer.toString(page.items().size()));
    if (accountId != null) {
      details.put("accountId", accountId.toString());
    }
    audit.record(
        Actor.of(user, request),
        "transaction.listed",
        "transaction",
        null,
        null,
        Outcome.SUCCESS,
        details);
    return page;
  }

  /** Screening status a listing can filter on. */
  enum ListedStatus {
    SCREENING,
    SCREENED
  }

  /** Decision outcome a listing can filter on. */
  enum ListedOutcome {
    APPROVE,
    REVIEW,
    HOLD
  }
}
