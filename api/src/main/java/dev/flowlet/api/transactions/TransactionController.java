package dev.flowlet.api.transactions;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/transactions}: record a money movement, read it with its risk decision. */
@RestController
@RequestMapping("/api/v1/transactions")
class TransactionController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern WELL_FORMED_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private final TransactionRecording recording;
  private final TransactionQueries queries;

  TransactionController(TransactionRecording recording, TransactionQueries queries) {
    this.recording = recording;
    this.queries = queries;
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
  TransactionView read(@PathVariable UUID id) {
    return queries.find(id).orElseThrow(() -> new NotFoundException("transaction"));
  }
}
