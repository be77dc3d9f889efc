package dev.flowlet.streams.sink;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.Topics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.stereotype.Component;

/**
 * Maps Kafka records to documents: the index from the topic and the event's time (monthly indices
 * {@code flowlet-audit-*}, {@code flowlet-decisions-*}, {@code flowlet-alerts-*}), the id from the
 * event. Unreadable records become dead letters.
 */
@Component
class SinkDocuments {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private final DeadLetters deadLetters;
  private final PipelineMetrics metrics;

  SinkDocuments(DeadLetters deadLetters, PipelineMetrics metrics) {
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  List<SinkDocument> from(List<ConsumerRecord<String, byte[]>> records) {
    List<SinkDocument> documents = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        documents.add(document(record));
      } catch (SerializationException | IllegalArgumentException e) {
        deadLetters.send(record, e.getMessage());
      }
    }
    return documents;
  }

  private SinkDocument document(ConsumerRecord<String, byte[]> record) {
    String topic = record.topic();
    if (topic.equals(Topics.AUDIT_CHAINED.name())) {
      AuditEvent event =
          Topics.AUDIT_CHAINED.valueSerde().deserializer().deserialize(topic, record.value());
      return document("flowlet-audit-", event.occurredAt(), event.eventId(), record);
    }
    if (topic.equals(Topics.RISK_DECISIONS.name())) {
      RiskDecision decision =
          Topics.RISK_DECISIONS.valueSerde().deserializer().deserialize(topic, record.value());
      SinkDocument document =
          document("flowlet-decisions-", decision.decidedAt(), decision.decisionId(), record);
      metrics.decided(decision);
      return document;
    }
    if (topic.equals(Topics.ALERTS.name())) {
      Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(topic, record.value());
      SinkDocument document =
          document("flowlet-alerts-", alert.raisedAt(), alert.alertId(), record);
      metrics.raised(alert);
      return document;
    }
    throw new IllegalArgumentException("The sink does not index topic " + topic);
  }

  private static SinkDocument document(
      String indexPrefix, Instant time, String id, ConsumerRecord<String, byte[]> record) {
    if (time == null || id == null || id.isBlank()) {
      throw new IllegalArgumentException("Event lacks its id or time");
    }
    return new SinkDocument(indexPrefix + MONTH.format(time), id, record.value(), record);
  }
}
