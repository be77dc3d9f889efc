package dev.flowlet.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * A serde for one event type, using {@link EventJson}. A record that cannot be read raises a {@link
 * SerializationException}, which consumers route to the dead-letter topic.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;

  public JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : EventJson.mapper().writeValueAsBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return EventJson.mapper().readValue(bytes, type);
      } catch (JacksonException e) {
        throw new SerializationException(
            "Not a valid " + type.getSimpleName() + " on " + topic + ": " + e.getOriginalMessage(),
            e);
      }
    };
  }
}
