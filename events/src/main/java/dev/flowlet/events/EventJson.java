package dev.flowlet.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of Flowlet events. Amounts travel as strings and instants as ISO-8601 text, so
 * no consumer ever sees a rounded float.
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private EventJson() {}

  /** The shared, thread-safe mapper. Unknown properties are ignored so schemas can grow. */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
