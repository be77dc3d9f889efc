package dev.flowlet.events.audit;

import dev.flowlet.events.AuditEvent;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Verifies one chain from its events in the order the store returns them (by sequence), one at a
 * time, so a chain of millions needs constant memory. Every event must recompute to its hash,
 * follow its predecessor's sequence and link to its hash; every checkpoint must carry a valid
 * signature and name the hash of the event at its sequence. Stops at the first break.
 *
 * <p>A gap is judged one event late: if the absent sequence turns up next, the events were
 * reordered, otherwise they are missing.
 */
public final class ChainVerifier {

  /** How many recent hashes are remembered to tell a relinked event from an altered one. */
  private static final int RECENT = 1024;

  private final String chainId;
  private final Map<String, PublicKey> publicKeys;
  private final TreeMap<Long, List<AuditCheckpoint>> checkpoints = new TreeMap<>();
  private final Map<String, Long> recentHashes =
      new LinkedHashMap<>(RECENT * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > RECENT;
        }
      };
  private long lastSequence;
  private String lastHash;
  private String lastEventId;
  private long eventsVerified;
  private long checkpointsVerified;
  private AuditEvent afterGap;
  private ChainBreak firstBreak;

  private ChainVerifier(
      String chainId,
      ChainHead start,
      List<AuditCheckpoint> checkpoints,
      Map<String, PublicKey> publicKeys) {
    this.chainId = chainId;
    this.publicKeys = Map.copyOf(publicKeys);
    this.lastSequence = start.sequence();
    this.lastHash = start.hash();
    for (AuditCheckpoint checkpoint : checkpoints) {
      if (checkpoint.sequence() > start.sequence()) {
        this.checkpoints
            .computeIfAbsent(checkpoint.sequence(), sequence -> new ArrayList<>())
            .add(checkpoint);
      }
    }
  }

  /** A verifier of a whole chain, from its first event, with its checkpoints in any order. */
  public static ChainVerifier of(
      String chainId, List<AuditCheckpoint> checkpoints, Map<String, PublicKey> publicKeys) {
    return new ChainVerifier(chainId, ChainHead.EMPTY, checkpoints, publicKeys);
  }

  /** A verifier of the part of a chain after {@code start} (an event already trusted). */
  public static ChainVerifier after(
      String chainId,
      ChainHead start,
      List<AuditCheckpoint> checkpoints,
      Map<String, PublicKey> publicKeys) {
    return new ChainVerifier(chainId, start, checkpoints, publicKeys);
  }

  /** Checks the next event; false once a break was found (further events change nothing). */
  public boolean accept(AuditEvent event) {
    if (firstBreak != null) {
      return false;
    }
    Long sequence = event.sequence();
    if (sequence == null || event.hash() == null || event.previousHash() == null) {
      return broke(BreakKind.ALTERED, lastSequence + 1, event.eventId(), "lacks its chain fields");
    }
    if (afterGap != null) {
      if (sequence < afterGap.sequence()) {
        return broke(
            BreakKind.REORDERED,
            sequence,
            event.eventId(),
            "comes after sequence " + afterGap.sequence());
      }
      return missing(lastSequence + 1, afterGap);
    }
    if (!chainId.equals(event.chainId())) {
      return broke(BreakKind.ALTERED, sequence, event.eventId(), "names another chain");
    }
    long expected = lastSequence + 1;
    if (sequence < expected) {
      return broke(
          BreakKind.REORDERED,
          sequence,
          event.eventId(),
          "repeats or goes back from " + lastSequence);
    }
    if (sequence > expected) {
      afterGap = event;
      return true;
    }
    if (!AuditChain.recomputedHash(event).equals(event.hash())) {
      return broke(BreakKind.ALTERED, sequence, event.eventId(), "content does not match its hash");
    }
    if (!event.previousHash().equals(lastHash)) {
      Long linked = recentHashes.get(event.previousHash());
      if (linked != null) {
        return broke(
            BreakKind.REORDERED,
            sequence,
            event.eventId(),
            "links to sequence " + linked + " instead of " + lastSequence);
      }
      return broke(
          BreakKind.ALTERED,
          lastSequence,
          lastEventId,
          "its hash was recomputed after a change: sequence " + sequence + " links to another");
    }
    for (AuditCheckpoint checkpoint : checkpoints.getOrDefault(sequence, List.of())) {
      if (!checkpointHolds(checkpoint, event)) {
        return false;
      }
    }
    recentHashes.put(event.hash(), sequence);
    lastSequence = sequence;
    lastHash = event.hash();
    lastEventId = event.eventId();
    eventsVerified++;
    return true;
  }

  /**
   * The verdict once every event was read. Checkpoints beyond the last event count as missing
   * events only when {@code trailingCheckpointsCount} (the caller decides whether a checkpoint is
   * old enough for its events to have been stored).
   */
  public ChainVerification finish(Predicate<AuditCheckpoint> trailingCounts) {
    if (firstBreak == null && afterGap != null) {
      missing(lastSequence + 1, afterGap);
    }
    if (firstBreak == null) {
      for (List<AuditCheckpoint> beyond : checkpoints.tailMap(lastSequence, false).values()) {
        for (AuditCheckpoint checkpoint : beyond) {
          if (!signatureHolds(checkpoint)) {
            break;
          }
          if (trailingCounts.test(checkpoint)) {
            broke(
                BreakKind.MISSING,
                lastSequence + 1,
                null,
                "a checkpoint was signed at sequence "
                    + checkpoint.sequence()
                    + " but the chain ends at "
                    + lastSequence);
            break;
          }
        }
        if (firstBreak != null) {
          break;
        }
      }
    }
    return new ChainVerification(
        chainId, eventsVerified, checkpointsVerified, lastSequence, firstBreak);
  }

  /** {@link #finish(Predicate)} counting every trailing checkpoint. */
  public ChainVerification finish() {
    return finish(checkpoint -> true);
  }

  /** The hash of the last event verified ({@link AuditChain#GENESIS} before the first). */
  public String lastHash() {
    return lastHash;
  }

  private boolean checkpointHolds(AuditCheckpoint checkpoint, AuditEvent event) {
    if (!signatureHolds(checkpoint)) {
      return false;
    }
    if (!Objects.equals(checkpoint.headHash(), event.hash())) {
      return broke(
          BreakKind.ALTERED,
          event.sequence(),
          event.eventId(),
          "differs from the head a checkpoint signed at this sequence: the chain was rewritten");
    }
    checkpointsVerified++;
    return true;
  }

  private boolean signatureHolds(AuditCheckpoint checkpoint) {
    if (checkpoint.signature() == null
        || checkpoint.signature().isBlank()
        || checkpoint.keyId() == null
        || !publicKeys.containsKey(checkpoint.keyId())) {
      return broke(
          BreakKind.UNSIGNED,
          checkpoint.sequence(),
          null,
          "checkpoint without a signature or signed with unknown key " + checkpoint.keyId());
    }
    if (!chainId.equals(checkpoint.chainId())
        || !CheckpointSignatures.verifies(checkpoint, publicKeys)) {
      return broke(
          BreakKind.BAD_CHECKPOINT,
          checkpoint.sequence(),
          null,
          "checkpoint signature does not verify with key " + checkpoint.keyId());
    }
    return true;
  }

  private boolean missing(long firstAbsent, AuditEvent next) {
    long lastAbsent = next.sequence() - 1;
    return broke(
        BreakKind.MISSING,
        firstAbsent,
        next.eventId(),
        (lastAbsent == firstAbsent
                ? "sequence " + firstAbsent + " is"
                : "sequences " + firstAbsent + " to " + lastAbsent + " are")
            + " absent");
  }

  private boolean broke(BreakKind kind, long sequence, String eventId, String detail) {
    firstBreak = new ChainBreak(kind, sequence, eventId, detail);
    return false;
  }
}
