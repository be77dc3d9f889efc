package dev.flowlet.streams.audit;

import dev.flowlet.events.audit.AuditChain;
import dev.flowlet.events.audit.ChainHead;

/**
 * What the chainer keeps per chain.
 *
 * @param sequence the head's sequence, 0 before the first event
 * @param hash the head's hash
 * @param checkpointed the sequence of the last checkpoint, 0 before the first
 */
record ChainState(long sequence, String hash, long checkpointed) {

  static final ChainState EMPTY = new ChainState(0, AuditChain.GENESIS, 0);

  ChainHead head() {
    return new ChainHead(sequence, hash);
  }

  ChainState advancedTo(long newSequence, String newHash) {
    return new ChainState(newSequence, newHash, checkpointed);
  }

  ChainState checkpointedNow() {
    return new ChainState(sequence, hash, sequence);
  }

  boolean movedSinceCheckpoint() {
    return sequence > checkpointed;
  }
}
