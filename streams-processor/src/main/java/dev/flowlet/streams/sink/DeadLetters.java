package dev.flowlet.streams.sink;

import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.Topics;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends records that can never be indexed to the dead-letter topic, with the reason. */
@Component
class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaTemplate<String, byte[]> kafka;
  private final Clock clock;

  DeadLetters(KafkaTemplate<String, byte[]> kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
  }

  void send(ConsumerRecord<String, byte[]> record, String error) {
    log.warn(
        "Record {}-{}@{} cannot be indexed, sent to {}",
        record.topic(),
        record.partition(),
        record.offset(),
        Topics.DLQ.name());
    DeadLetter letter = DeadLetter.of(record, error, clock.instant());
    kafka.send(Topics.DLQ.name(), record.key(), letter.toBytes()).join();
  }
}
