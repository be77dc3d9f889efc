package dev.flowlet.streams.audit;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.JsonSerde;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditCheckpoint;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The audit chain sub-topology:
 *
 * <pre>
 * flowlet.audit.v1 (by chain id) -> chain [audit-chain-heads, audit-chained-ids]
 *     -> flowlet.audit-chained.v1      (every event once, with sequence, previousHash, hash)
 *     -> flowlet.audit-checkpoints.v1  (signed heads)
 *     -> flowlet.dlq.v1                (unreadable records)
 * </pre>
 *
 * All events of a chain share a key and so a partition, and arrive in the order they were written;
 * the chainer sees them in that order.
 */
final class AuditChainTopology {

  private AuditChainTopology() {}

  /** A complete topology, for tests and tools. */
  static Topology build(
      CheckpointSigner signer,
      int checkpointEvery,
      Duration checkpointInterval,
      Duration duplicateWindow) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, signer, checkpointEvery, checkpointInterval, duplicateWindow);
    return builder.build();
  }

  /** Adds the chainer to {@code builder}; returns the stream of raw audit records. */
  static KStream<String, byte[]> addTo(
      StreamsBuilder builder,
      CheckpointSigner signer,
      int checkpointEvery,
      Duration checkpointInterval,
      Duration duplicateWindow) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(AuditChainStores.CHAIN_HEADS),
            Serdes.String(),
            new JsonSerde<>(ChainState.class)));
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                AuditChainStores.CHAINED_IDS, duplicateWindow, Duration.ofMillis(1), false),
            Serdes.String(),
            Serdes.Long()));
    KStream<String, byte[]> audit =
        builder.stream(
            Topics.AUDIT.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("audit-source"));
    Map<String, KStream<String, ChainOutput>> outputs =
        audit
            .process(
                () ->
                    new ChainAuditEvents(
                        signer, checkpointEvery, checkpointInterval, duplicateWindow),
                Named.as("chain-audit-events"),
                AuditChainStores.CHAIN_HEADS,
                AuditChainStores.CHAINED_IDS)
            .split(Named.as("chain-"))
            .branch((key, value) -> value instanceof ChainOutput.Chained, Branched.as("events"))
            .branch(
                (key, value) -> value instanceof ChainOutput.Checkpointed,
                Branched.as("checkpoints"))
            .defaultBranch(Branched.as("unreadable"));
    outputs
        .get("chain-events")
        .mapValues(value -> ((ChainOutput.Chained) value).event(), Named.as("chained-event"))
        .to(
            Topics.AUDIT_CHAINED.name(),
            Produced.<String, AuditEvent>with(
                    Topics.AUDIT_CHAINED.keySerde(), Topics.AUDIT_CHAINED.valueSerde())
                .withName("audit-chained-sink"));
    outputs
        .get("chain-checkpoints")
        .mapValues(value -> ((ChainOutput.Checkpointed) value).checkpoint(), Named.as("checkpoint"))
        .to(
            Topics.AUDIT_CHECKPOINTS.name(),
            Produced.<String, AuditCheckpoint>with(
                    Topics.AUDIT_CHECKPOINTS.keySerde(), Topics.AUDIT_CHECKPOINTS.valueSerde())
                .withName("audit-checkpoints-sink"));
    outputs
        .get("chain-unreadable")
        .mapValues(
            value -> ((ChainOutput.Unreadable) value).letter(), Named.as("chain-dead-letter"))
        .to(
            Topics.DLQ.name(),
            Produced.<String, DeadLetter>with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde())
                .withName("audit-dlq-sink"));
    return audit;
  }
}
