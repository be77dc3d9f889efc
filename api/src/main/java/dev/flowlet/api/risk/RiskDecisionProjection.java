package dev.flowlet.api.risk;

import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.RiskDecision;
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
 * Stores each risk decision next to its transaction. Replays are harmless (one row per transaction,
 * the first decision kept); a record that cannot be read goes to the dead-letter topic instead of
 * blocking the partition.
 */
@Component
class RiskDecisionProjection {

  private static final Logger log = LoggerFactory.getLogger(RiskDecisionProjection.class);

  private final JdbcClient jdbc;
  private final KafkaTemplate<String, byte[]> kafka;
  private final Clock clock;

  RiskDecisionProjection(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, Clock clock) {
    this.jdbc = jdbc;
    this.kafka = kafka;
    this.clock = clock;
  }

  @KafkaListener(id = "flowlet-api-risk-decisions", topics = "flowlet.risk-decisions.v1")
  void project(ConsumerRecord<String, byte[]> record) {
    RiskDecision decision;
    try {
      decision =
          Topics.RISK_DECISIONS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      deadLetter(record, e);
      return;
    }
    jdbc.sql(
            """
            insert into risk_decisions (transaction_id, decision_id, outcome, score, reasons,
                decided_at, rule_versions)
            values (?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb))
            on conflict (transaction_id) do nothing
            """)
        .params(
            UUID.fromString(decision.transactionId()),
            UUID.fromString(decision.decisionId()),
            decision.outcome().name(),
            decision.score(),
            EventJson.mapper().writeValueAsString(decision.reasons()),
            Timestamp.from(decision.decidedAt()),
            decision.ruleVersions() == null
                ? null
                : EventJson.mapper().writeValueAsString(decision.ruleVersions()))
        .update();
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, SerializationException error) {
    log.warn(
        "Unreadable risk decision at {}-{}@{} sent to {}",
        record.topic(),
        record.partition(),
        record.offset(),
        Topics.DLQ.name());
    DeadLetter letter = DeadLetter.of(record, error.getMessage(), clock.instant());
    kafka.send(Topics.DLQ.name(), record.key(), letter.toBytes()).join();
  }
}
