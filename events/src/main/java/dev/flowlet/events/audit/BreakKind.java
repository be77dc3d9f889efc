package dev.flowlet.events.audit;

/** What is wrong where a chain breaks. */
public enum BreakKind {
  /** An event's content no longer matches its hash, or a chain was rewritten after a checkpoint. */
  ALTERED,
  /** Sequences are absent: a gap, or a signed checkpoint beyond the last stored event. */
  MISSING,
  /** Events out of their order: a sequence repeated or going back, or a link to an older event. */
  REORDERED,
  /** A checkpoint whose signature does not verify with the key it names. */
  BAD_CHECKPOINT,
  /** A checkpoint without a signature, or signed with a key nobody configured. */
  UNSIGNED
}
