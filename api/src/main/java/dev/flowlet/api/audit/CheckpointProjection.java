package dev.flowlet.api.audit;

import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditCheckpoint;
import java.sql.Timestamp;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores every signed audit checkpoint from {@code flowlet.audit-checkpoints.v1} in {@code
 * audit_checkpoints}, where the verification job and the verification endpoint read them. A
 * redelivered checkpoint is the same row and changes nothing; an unreadable record goes to the
 * dead-letter topic. Signatures are not checked here: a checkpoint is evidence to be verified, not
 * trusted, and the verifiers check it with the configured public keys.
 */
@Component
class CheckpointProjection {

  private static final Logger log = LoggerFactory.getLogger(CheckpointProjection.class);

  private final JdbcClient jdbc;
  private final KafkaTemplate<String, byte[]> kafka;
  private final Clock clock;

  CheckpointProjection(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, Clock clock) {
    this.jdbc = jdbc;
    this.kafka = kafka;
    this.clock = clock;
  }

  @KafkaListener(id = "flowlet-api-audit-checkpoints", topics = "flowlet.audit-checkpoints.v1")
  void store(ConsumerRecord<String, byte[]> record) {
    AuditCheckpoint checkpoint;
    try {
      checkpoint =
          Topics.AUDIT_CHECKPOINTS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      if (checkpoint == null
          || checkpoint.chainId() == null
          || checkpoint.headHash() == null
          || checkpoint.createdAt() == null
          || checkpoint.keyId() == null
          || checkpoint.signature() == null
          || checkpoint.sequence() <= 0) {
        throw new SerializationException("Checkpoint lacks a field");
      }
    } catch (SerializationException e) {
      log.warn(
          "Unreadable audit checkpoint at {}-{}@{} sent to {}",
          record.topic(),
          record.partition(),
          record.offset(),
          Topics.DLQ.name());
      DeadLetter letter = DeadLetter.of(record, e.getMessage(), clock.instant());
      kafka.send(Topics.DLQ.name(), record.key(), letter.toBytes()).join();
      return;
    }
    jdbc.sql(
            """
            insert into audit_checkpoints (chain_id, sequence, head_hash, created_at, key_id,
                signature)
            values (?, ?, ?, ?, ?, ?)
            on conflict do nothing
            """)
        .params(
            checkpoint.chainId(),
            checkpoint.sequence(),
            checkpoint.headHash(),
            Timestamp.from(checkpoint.createdAt()),
            checkpoint.keyId(),
            checkpoint.signature())
        .update();
  }
}
