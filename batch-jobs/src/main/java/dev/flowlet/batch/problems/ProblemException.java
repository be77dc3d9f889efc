package dev.flowlet.batch.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served for a reason the caller can act on; answered as problem+json with
 * its status, a type under {@code https://flowlet.dev/problems/} and extra properties.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final Map<String, Object> properties;

  private ProblemException(
      HttpStatus status, String type, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.type = type;
    this.properties = Map.copyOf(properties);
  }

  /** 404: nothing of that kind with that name or id. */
  public static ProblemException notFound(String what) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "No " + what, Map.of());
  }

  /** 422: well-formed, but these parameters cannot be accepted. */
  public static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-request",
        "The request has invalid parameters",
        Map.of("errors", List.copyOf(errors)));
  }

  /** 422 for one parameter. */
  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  /** 409: the request conflicts with the state of a job. */
  public static ProblemException conflict(String detail, Map<String, Object> properties) {
    return new ProblemException(
        HttpStatus.CONFLICT, "conflict", detail, new LinkedHashMap<>(properties));
  }

  /** 403: authenticated, but the role does not allow this. */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail, Map.of());
  }

  /** 413: the body is larger than the configured limit. */
  public static ProblemException tooLarge(String detail) {
    return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", detail, Map.of());
  }

  /** 503: the server cannot take the request now; retrying later can succeed. */
  public static ProblemException busy(String detail) {
    return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "busy", detail, Map.of());
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
