package dev.flowlet.api.problems;

import dev.flowlet.problems.Problems;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an {@code application/problem+json} answer. Client mistakes get a 4xx with
 * the fields at fault; the body never echoes submitted values, so no card number or personal data
 * leaks into an error.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .toList();
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "unreadable-body",
            "The body is not valid JSON of the expected shape");
    UnreadableBodies.fieldError(ex)
        .ifPresent(error -> problem.setProperty("errors", List.of(error)));
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : String.valueOf(ex.getPropertyName());
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid parameters");
    problem.setProperty(
        "errors",
        List.of(new FieldError(name, UnreadableBodies.expectation(ex.getRequiredType()))));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", ex.getMessage());
    problem.setProperty("errors", ex.errors());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problem(HttpStatus.CONFLICT, "conflict", ex.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(problem(HttpStatus.FORBIDDEN, ex.type(), ex.getMessage()));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ex.getBody().setType(Problems.type("unsupported-media-type"));
    ex.getBody().setDetail("Send the body as application/json");
    return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
      HttpMediaTypeNotAcceptableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ex.getBody().setType(Problems.type("not-acceptable"));
    ex.getBody().setDetail("This API answers application/json and application/problem+json");
    return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
  }

  /**
   * PostgreSQL unreachable, restarting or its connection cut mid-request: the request did not take
   * effect or its outcome is unknown, and retrying with the same Idempotency-Key settles it. An
   * outage, not a bug: 503 with Retry-After, logged without the statement or its values.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class,
    TransactionSystemException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
    log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "The ledger database is unavailable; retry with the same Idempotency-Key"));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    log.error("Unexpected error", ex);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "The request failed on the server; retry it with the same Idempotency-Key to learn its outcome"));
  }

  static ProblemDetail problem(HttpStatus status, String type, String detail) {
    return Problems.of(status, type, detail);
  }
}
