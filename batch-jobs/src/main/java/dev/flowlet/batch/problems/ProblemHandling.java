package dev.flowlet.batch.problems;

import dev.flowlet.problems.Problems;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an {@code application/problem+json} answer. Client mistakes get a 4xx;
 * bodies never echo submitted values.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> problem(ProblemException ex) {
    ProblemDetail problem = problem(ex.status(), ex.type(), ex.getMessage());
    ex.properties().forEach(problem::setProperty);
    return ResponseEntity.status(ex.status()).body(problem);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "unreadable-body",
                "The body must be a JSON object of job parameters"));
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
    problem.setProperty("errors", List.of(new FieldError(name, "has the wrong type")));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    log.error("Unexpected error", ex);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "The request failed on the server"));
  }

  static ProblemDetail problem(HttpStatus status, String type, String detail) {
    return Problems.of(status, type, detail);
  }
}
