package dev.flowlet.api.problems;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Names the field of a body that did not bind and what it should have been, without repeating the
 * submitted value (it may be a card number or personal data).
 */
final class UnreadableBodies {

  private UnreadableBodies() {}

  static Optional<FieldError> fieldError(HttpMessageNotReadableException ex) {
    if (!(ex.getCause() instanceof MismatchedInputException mismatch)
        || mismatch.getPath().isEmpty()) {
      return Optional.empty();
    }
    if (mismatch instanceof TextWithoutNul.NulCharacter) {
      return Optional.of(new FieldError(path(mismatch), "must not contain the NUL character"));
    }
    return Optional.of(new FieldError(path(mismatch), expectation(mismatch.getTargetType())));
  }

  static String expectation(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (type == Instant.class) {
      return "must be an ISO-8601 instant such as 2026-11-26T10:15:30Z";
    }
    if (type == LocalDate.class) {
      return "must be an ISO-8601 date such as 1990-04-30";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "must be a whole number in range";
    }
    if (type == BigDecimal.class) {
      return "must be a decimal number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    return "must be a JSON object of the expected shape";
  }

  private static String path(JacksonException ex) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : ex.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
