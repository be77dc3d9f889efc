package dev.flowlet.streams.audit;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditChain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Places each audit event of the partition's chains after its chain's head. With exactly-once
 * processing the head, the remembered ids and the output commit together, so a crash and replay
 * neither skips nor repeats a sequence; an event id seen within the duplicate window (the outbox
 * relay may publish an event twice) is dropped. Signs a checkpoint of a chain every {@code
 * checkpointEvery} events and, on wall-clock punctuation, of every chain whose head moved.
 */
final class ChainAuditEvents implements Processor<String, byte[], String, ChainOutput> {

  private final CheckpointSigner signer;
  private final int checkpointEvery;
  private final Duration checkpointInterval;
  private final Duration duplicateWindow;
  private ProcessorContext<String, ChainOutput> context;
  private KeyValueStore<String, ChainState> heads;
  private WindowStore<String, Long> chainedIds;

  ChainAuditEvents(
      CheckpointSigner signer,
      int checkpointEvery,
      Duration checkpointInterval,
      Duration duplicateWindow) {
    this.signer = signer;
    this.checkpointEvery = checkpointEvery;
    this.checkpointInterval = checkpointInterval;
    this.duplicateWindow = duplicateWindow;
  }

  @Override
  public void init(ProcessorContext<String, ChainOutput> context) {
    this.context = context;
    this.heads = context.getStateStore(AuditChainStores.CHAIN_HEADS);
    this.chainedIds = context.getStateStore(AuditChainStores.CHAINED_IDS);
    context.schedule(checkpointInterval, PunctuationType.WALL_CLOCK_TIME, this::checkpointMoved);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    AuditEvent event;
    try {
      event =
          Topics.AUDIT.valueSerde().deserializer().deserialize(Topics.AUDIT.name(), record.value());
    } catch (SerializationException e) {
      unreadable(record, e.getMessage());
      return;
    }
    if (event == null || blank(event.eventId()) || blank(event.chainId())) {
      unreadable(record, "Audit event lacks its event id or chain id");
      return;
    }
    if (alreadyChained(event.eventId(), record.timestamp())) {
      return;
    }
    ChainState state = heads.get(event.chainId());
    if (state == null) {
      state = ChainState.EMPTY;
    }
    AuditEvent chained = AuditChain.link(event, state.head());
    state = state.advancedTo(chained.sequence(), chained.hash());
    chainedIds.put(event.eventId(), chained.sequence(), record.timestamp());
    context.forward(
        new Record<String, ChainOutput>(
            event.chainId(), new ChainOutput.Chained(chained), record.timestamp()));
    if (state.sequence() - state.checkpointed() >= checkpointEvery) {
      state =
          checkpoint(
              event.chainId(),
              state,
              Instant.ofEpochMilli(context.currentSystemTimeMs()),
              record.timestamp());
    }
    heads.put(event.chainId(), state);
  }

  private boolean alreadyChained(String eventId, long timestamp) {
    long window = duplicateWindow.toMillis();
    try (WindowStoreIterator<Long> seen =
        chainedIds.fetch(eventId, Math.max(0, timestamp - window), timestamp + window)) {
      return seen.hasNext();
    }
  }

  private void checkpointMoved(long now) {
    // Collected first: the store is not written while its iterator is open.
    List<KeyValue<String, ChainState>> moved = new ArrayList<>();
    try (KeyValueIterator<String, ChainState> all = heads.all()) {
      while (all.hasNext()) {
        KeyValue<String, ChainState> chain = all.next();
        if (chain.value.movedSinceCheckpoint()) {
          moved.add(chain);
        }
      }
    }
    for (KeyValue<String, ChainState> chain : moved) {
      heads.put(chain.key, checkpoint(chain.key, chain.value, Instant.ofEpochMilli(now), now));
    }
  }

  private ChainState checkpoint(String chainId, ChainState state, Instant at, long timestamp) {
    context.forward(
        new Record<String, ChainOutput>(
            chainId,
            new ChainOutput.Checkpointed(signer.sign(chainId, state.head(), at)),
            timestamp));
    return state.checkpointedNow();
  }

  private void unreadable(Record<String, byte[]> record, String error) {
    DeadLetter letter =
        context
            .recordMetadata()
            .map(
                metadata ->
                    DeadLetter.of(
                        metadata.topic(),
                        metadata.partition(),
                        metadata.offset(),
                        record.key(),
                        record.value(),
                        error,
                        Instant.ofEpochMilli(context.currentSystemTimeMs())))
            .orElseGet(
                () ->
                    DeadLetter.of(
                        Topics.AUDIT.name(),
                        -1,
                        -1,
                        record.key(),
                        record.value(),
                        error,
                        Instant.ofEpochMilli(context.currentSystemTimeMs())));
    context.forward(record.withValue(new ChainOutput.Unreadable(letter)));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
