package dev.flowlet.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void keepsTheRawValueThePositionAndTheErrorOfAFailedRecord() {
    var record =
        new ConsumerRecord<>(
            "flowlet.audit.v1", 2, 41L, "api", "{broken".getBytes(StandardCharsets.UTF_8));
    Instant failedAt = Instant.parse("2026-11-26T03:00:00Z");

    DeadLetter letter = DeadLetter.of(record, "not JSON", failedAt);
    DeadLetter travelled =
        Topics.DLQ.valueSerde().deserializer().deserialize(Topics.DLQ.name(), letter.toBytes());

    assertThat(travelled)
        .isEqualTo(
            new DeadLetter("flowlet.audit.v1", 2, 41L, "api", "{broken", "not JSON", failedAt));
  }
}
