package dev.flowlet.api.problems;

/** A request that contradicts an earlier one, such as a reused idempotency key; answered 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String detail) {
    super(detail);
  }
}
