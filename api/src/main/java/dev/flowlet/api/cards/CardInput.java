package dev.flowlet.api.cards;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code card} object of a transaction request: {@code {"number": "4111 1111 1111 1111"}}.
 *
 * <p>Any JSON shape is accepted here and judged later (as a 422 on {@code card} or {@code
 * card.number}), so that a wrong type never reaches the JSON parser's error messages, which quote
 * the offending value. The number is never serialised back out and {@link #toString()} withholds
 * it, so neither a log line nor a stored copy of the request can carry it.
 *
 * @param number the number as typed, or null when absent or not a JSON string
 * @param shape whether the JSON had the expected shape
 */
public record CardInput(String number, Shape shape) {

  /** How the {@code card} JSON was shaped. */
  public enum Shape {
    /** An object whose {@code number} is a string, null or absent. */
    OBJECT,
    /** Not a JSON object. */
    NOT_AN_OBJECT,
    /** An object whose {@code number} is a number, boolean, array or object. */
    NUMBER_NOT_A_STRING
  }

  /** A card as a client sends it. */
  public static CardInput of(String number) {
    return new CardInput(number, Shape.OBJECT);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static CardInput fromJson(JsonNode card) {
    if (!card.isObject()) {
      return new CardInput(null, Shape.NOT_AN_OBJECT);
    }
    JsonNode number = card.get("number");
    if (number == null || number.isNull()) {
      return new CardInput(null, Shape.OBJECT);
    }
    if (!number.isString()) {
      return new CardInput(null, Shape.NUMBER_NOT_A_STRING);
    }
    return new CardInput(number.asString(), Shape.OBJECT);
  }

  /** Serialised as an empty object: the number never travels back out of a request. */
  @JsonValue
  Map<String, String> withheld() {
    return Map.of();
  }

  @Override
  public String toString() {
    return "CardInput[number withheld]";
  }
}
