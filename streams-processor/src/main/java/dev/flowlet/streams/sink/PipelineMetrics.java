package dev.flowlet.streams.sink;

import dev.flowlet.events.Alert;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What the pipeline decided, counted from the committed records the sink reads (so aborted
 * exactly-once transactions are never counted): {@code flowlet_rule_hits_total{rule}}, {@code
 * flowlet_decisions_total{outcome}}, {@code flowlet_alerts_raised_total{severity}}, {@code
 * flowlet_sink_indexed_total{index}}, {@code flowlet_sink_failures_total} and {@code
 * flowlet_dlq_records_total{source}}. Every known label value is registered at 0 on start, so alert
 * rules see a series before the first event. A batch the sink retries is counted again.
 */
@Component
class PipelineMetrics {

  private final MeterRegistry registry;
  private final Counter sinkFailures;

  PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    RuleCatalog.entries().forEach(entry -> ruleHit(entry.id()));
    for (RiskDecision.Outcome outcome : RiskDecision.Outcome.values()) {
      decision(outcome.name());
    }
    for (Alert.Severity severity : Alert.Severity.values()) {
      alert(severity.name());
    }
    List.of("audit", "decisions", "alerts").forEach(this::indexedCounter);
    List.of(
            Topics.TRANSACTIONS,
            Topics.AUDIT,
            Topics.AUDIT_CHAINED,
            Topics.RISK_DECISIONS,
            Topics.ALERTS)
        .forEach(topic -> deadLetter(topic.name()));
    this.sinkFailures =
        Counter.builder("flowlet.sink.failures")
            .description("Documents Elasticsearch refused, and bulk requests that failed")
            .register(registry);
  }

  void decided(RiskDecision decision) {
    decision(decision.outcome().name()).increment();
    decision.reasons().forEach(reason -> ruleHit(reason.rule()).increment());
  }

  void raised(Alert alert) {
    alert(alert.severity().name()).increment();
  }

  void indexed(String index, int documents) {
    indexedCounter(index.substring("flowlet-".length(), index.lastIndexOf('-')))
        .increment(documents);
  }

  void failed(int documents) {
    sinkFailures.increment(documents);
  }

  /** Counts every dead letter by the topic its record came from. */
  @KafkaListener(id = "flowlet-dlq-metrics", topics = "flowlet.dlq.v1", batch = "true")
  void deadLettered(List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        DeadLetter letter =
            Topics.DLQ.valueSerde().deserializer().deserialize(record.topic(), record.value());
        deadLetter(letter.sourceTopic() == null ? "unknown" : letter.sourceTopic()).increment();
      } catch (SerializationException e) {
        deadLetter("unknown").increment();
      }
    }
  }

  private Counter ruleHit(String rule) {
    return RULE_HITS.of(rule, registry);
  }

  private Counter decision(String outcome) {
    return DECISIONS.of(outcome, registry);
  }

  private Counter alert(String severity) {
    return ALERTS_RAISED.of(severity, registry);
  }

  private Counter indexedCounter(String index) {
    return INDEXED.of(index, registry);
  }

  private Counter deadLetter(String source) {
    return DEAD_LETTERS.of(source, registry);
  }

  private static final Family RULE_HITS =
      new Family("flowlet.rule.hits", "Rules that fired, by rule", "rule");
  private static final Family DECISIONS =
      new Family("flowlet.decisions", "Risk decisions, by outcome", "outcome");
  private static final Family ALERTS_RAISED =
      new Family("flowlet.alerts.raised", "Alerts raised, by severity", "severity");
  private static final Family INDEXED =
      new Family(
          "flowlet.sink.indexed", "Documents indexed into Elasticsearch, by index family", "index");
  private static final Family DEAD_LETTERS =
      new Family(
          "flowlet.dlq.records",
          "Records sent to the dead-letter topic, by the topic they came from",
          "source");

  /**
   * Counters of one name that differ by one tag. Registering is idempotent in Micrometer, so the
   * registry itself keeps one counter per tag value.
   */
  private record Family(String name, String description, String tag) {

    Counter of(String value, MeterRegistry registry) {
      return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
  }
}
