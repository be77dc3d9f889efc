package dev.flowlet.api.problems;

/** The caller may use this endpoint but not on this resource, e.g. approving their own request. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
