package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.events.SubjectErased;
import dev.flowlet.events.Topics;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The erasure ledger. Of record: the compacted topic {@code flowlet.erasures.v1}, outside every
 * database backup, so a restore cannot forget an erasure. Mirrored in the {@code erasure_ledger}
 * table for queries. Ids only.
 */
@Component
class ErasureLedger {

  private final KafkaTemplate<String, byte[]> kafka;
  private final KafkaProperties kafkaProperties;
  private final ErasureSettings settings;

  ErasureLedger(
      KafkaTemplate<String, byte[]> kafka,
      KafkaProperties kafkaProperties,
      ErasureSettings settings) {
    this.kafka = kafka;
    this.kafkaProperties = kafkaProperties;
    this.settings = settings;
  }

  /** Writes the entry to the topic of record and waits for the broker's acknowledgement. */
  void append(SubjectErased entry) throws InterruptedException {
    byte[] value =
        Topics.ERASURES.valueSerde().serializer().serialize(Topics.ERASURES.name(), entry);
    try {
      kafka
          .send(Topics.ERASURES.name(), entry.subjectId(), value)
          .get(settings.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "The erasure ledger did not acknowledge the erasure of subject " + entry.subjectId(), e);
    }
  }

  /** Mirrors the entry in {@code erasure_ledger} of the database behind {@code jdbc}. */
  static int mirror(JdbcTemplate jdbc, SubjectErased entry) {
    return jdbc.update(
        """
        insert into erasure_ledger (subject_id, request_id, approved_by, erased_at)
        values (?, ?, ?, ?) on conflict (subject_id) do nothing
        """,
        UUID.fromString(entry.subjectId()),
        UUID.fromString(entry.requestId()),
        entry.approvedBy(),
        Timestamp.from(entry.erasedAt()));
  }

  /** Every entry of the topic of record, the latest per subject. */
  List<SubjectErased> readAll() {
    Map<String, Object> properties = new LinkedHashMap<>(kafkaProperties.buildConsumerProperties());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, SubjectErased> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      Duration timeout = settings.kafkaTimeout();
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.ERASURES.name(), timeout)
          .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, end, Set.copyOf(partitions))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Timed out reading the erasure ledger");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null) {
            latest.put(
                record.key(),
                Topics.ERASURES
                    .valueSerde()
                    .deserializer()
                    .deserialize(record.topic(), record.value()));
          }
        }
      }
    }
    return List.copyOf(latest.values());
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer,
      Map<TopicPartition, Long> end,
      Set<TopicPartition> partitions) {
    return partitions.stream().allMatch(p -> consumer.position(p) >= end.getOrDefault(p, 0L));
  }
}
