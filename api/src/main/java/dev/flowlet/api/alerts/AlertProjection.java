package dev.flowlet.api.alerts;

import dev.flowlet.events.Alert;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.Topics;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every alert on {@code flowlet.alerts.v1}. Alert ids are deterministic, so a
 * redelivered or reprocessed alert finds its case and changes nothing; an unreadable record goes to
 * the dead-letter topic.
 */
@Component
class AlertProjection {

  private static final Logger log = LoggerFactory.getLogger(AlertProjection.class);

  private final JdbcClient jdbc;
  private final KafkaTemplate<String, byte[]> kafka;
  private final Clock clock;

  AlertProjection(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, Clock clock) {
    this.jdbc = jdbc;
    this.kafka = kafka;
    this.clock = clock;
  }

  @KafkaListener(id = "flowlet-api-alert-cases", topics = "flowlet.alerts.v1")
  void project(ConsumerRecord<String, byte[]> record) {
    Alert alert;
    try {
      alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      log.warn(
          "Unreadable alert at {}-{}@{} sent to {}",
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
            insert into alerts (alert_id, transaction_id, account_id, customer_id, rule, severity,
                detail, raised_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (alert_id) do nothing
            """)
        .params(
            alert.alertId(),
            UUID.fromString(alert.transactionId()),
            UUID.fromString(alert.accountId()),
            UUID.fromString(alert.customerId()),
            alert.rule(),
            alert.severity().name(),
            alert.detail(),
            Timestamp.from(alert.raisedAt()),
            Timestamp.from(alert.raisedAt()))
        .update();
  }
}
