package dev.flowlet.api.compliance;

import dev.flowlet.api.problems.FieldError;
import dev.flowlet.problems.Problems;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem answers of the compliance search: 400 naming the parameter at fault (never its value),
 * 503 with {@code Retry-After} while Elasticsearch cannot answer. Ordered before the API's general
 * handler, whose catch-all would otherwise turn these into 500s.
 */
@RestControllerAdvice(assignableTypes = ComplianceSearchController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ComplianceSearchProblems {

  static final String RETRY_AFTER_SECONDS = "5";
  private static final Logger log = LoggerFactory.getLogger(ComplianceSearchProblems.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> badParameter(BadSearchParameter e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The search has an invalid parameter: " + e.parameter());
    problem.setType(Problems.type("invalid-request"));
    problem.setProperty("errors", List.of(new FieldError(e.parameter(), e.getMessage())));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unavailable(SearchUnavailable e) {
    log.warn("Compliance search unavailable: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Search is unavailable for now; retry after the number of seconds in Retry-After");
    problem.setType(Problems.type("search-unavailable"));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .body(problem);
  }
}
