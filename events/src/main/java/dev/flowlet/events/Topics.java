package dev.flowlet.events;

import dev.flowlet.events.audit.AuditCheckpoint;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic Flowlet uses, with its key and value serdes. */
public final class Topics {

  /** Partitions of every topic: enough for keyed ordering and rebalancing to be exercised. */
  public static final int PARTITIONS = 3;

  private static final Serde<String> KEYS = Serdes.String();

  /** Transactions accepted by the API, keyed by account id; fed by the outbox. */
  public static final Topic<String, TransactionRecorded> TRANSACTIONS =
      new Topic<>(
          "flowlet.transactions.v1",
          KEYS,
          new JsonSerde<>(TransactionRecorded.class),
          PARTITIONS,
          false);

  /** The approved configuration of each screening rule, keyed by rule id; compacted. */
  public static final Topic<String, RuleDefinition> RULES =
      new Topic<>(
          "flowlet.rules.v1", KEYS, new JsonSerde<>(RuleDefinition.class), PARTITIONS, true);

  /** One risk decision per transaction, keyed by transaction id. */
  public static final Topic<String, RiskDecision> RISK_DECISIONS =
      new Topic<>(
          "flowlet.risk-decisions.v1",
          KEYS,
          new JsonSerde<>(RiskDecision.class),
          PARTITIONS,
          false);

  /** Alerts for decisions over a threshold, keyed by alert id. */
  public static final Topic<String, Alert> ALERTS =
      new Topic<>("flowlet.alerts.v1", KEYS, new JsonSerde<>(Alert.class), PARTITIONS, false);

  /** The audit trail, keyed by chain id so that one chain stays in order on one partition. */
  public static final Topic<String, AuditEvent> AUDIT =
      new Topic<>("flowlet.audit.v1", KEYS, new JsonSerde<>(AuditEvent.class), PARTITIONS, false);

  /**
   * The audit trail after the chainer placed each event in its chain (sequence, previous hash,
   * hash), keyed by chain id; what Elasticsearch indexes.
   */
  public static final Topic<String, AuditEvent> AUDIT_CHAINED =
      new Topic<>(
          "flowlet.audit-chained.v1", KEYS, new JsonSerde<>(AuditEvent.class), PARTITIONS, false);

  /** Signed checkpoints of the audit chains' heads, keyed by chain id; stored by the API. */
  public static final Topic<String, AuditCheckpoint> AUDIT_CHECKPOINTS =
      new Topic<>(
          "flowlet.audit-checkpoints.v1",
          KEYS,
          new JsonSerde<>(AuditCheckpoint.class),
          PARTITIONS,
          false);

  /** Records that could not be processed, keyed by their original key, with the error. */
  public static final Topic<String, DeadLetter> DLQ =
      new Topic<>("flowlet.dlq.v1", KEYS, new JsonSerde<>(DeadLetter.class), PARTITIONS, false);

  /**
   * The erasure ledger of record, keyed by subject id; compacted and kept forever, so that it
   * outlives any database backup and erasures are re-applied after a restore.
   */
  public static final Topic<String, SubjectErased> ERASURES =
      new Topic<>(
          "flowlet.erasures.v1", KEYS, new JsonSerde<>(SubjectErased.class), PARTITIONS, true);

  /** Every topic, for creating them at start-up. */
  public static final List<Topic<String, ?>> ALL =
      List.of(
          TRANSACTIONS,
          RULES,
          RISK_DECISIONS,
          ALERTS,
          AUDIT,
          AUDIT_CHAINED,
          AUDIT_CHECKPOINTS,
          DLQ,
          ERASURES);

  private Topics() {}

  /** Every topic as an admin-client definition, for creating the missing ones at start-up. */
  public static NewTopic[] newTopics(short replicationFactor) {
    return ALL.stream()
        .map(
            topic ->
                new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                    .configs(
                        topic.compacted()
                            // compacted topics are state of record: never expired by time
                            ? Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.RETENTION_MS_CONFIG,
                                "-1")
                            : Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE)))
        .toArray(NewTopic[]::new);
  }
}
