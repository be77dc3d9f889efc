package dev.flowlet.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that could not be processed, kept with the error so that nothing is dropped silently.
 *
 * @param sourceTopic where the record came from
 * @param partition its partition
 * @param offset its offset
 * @param key its key, as text
 * @param value its raw value, as text (UTF-8, replaced where invalid)
 * @param error what went wrong
 * @param failedAt when it failed
 */
public record DeadLetter(
    String sourceTopic,
    int partition,
    long offset,
    String key,
    String value,
    String error,
    Instant failedAt) {

  /** The dead letter of a consumed record that failed with {@code error}. */
  public static DeadLetter of(
      ConsumerRecord<String, byte[]> record, String error, Instant failedAt) {
    return of(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        record.value(),
        error,
        failedAt);
  }

  /** The dead letter of a record at a position, its raw value kept as text. */
  public static DeadLetter of(
      String topic,
      int partition,
      long offset,
      String key,
      byte[] value,
      String error,
      Instant failedAt) {
    return new DeadLetter(
        topic,
        partition,
        offset,
        key,
        value == null ? null : new String(value, StandardCharsets.UTF_8),
        error,
        failedAt);
  }

  /** This letter as the bytes of a {@link Topics#DLQ} record. */
  public byte[] toBytes() {
    return Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), this);
  }
}
