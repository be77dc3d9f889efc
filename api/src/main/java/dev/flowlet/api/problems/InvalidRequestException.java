package dev.flowlet.api.problems;

import java.util.List;

/** A request that is well formed but cannot be accepted; answered 422 with the fields at fault. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super("The request has invalid fields");
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
