package dev.flowlet.events.audit;

/**
 * The last event of a chain: the next one gets {@code sequence + 1} and links to {@code hash}.
 *
 * @param sequence the head's sequence, 0 for an empty chain
 * @param hash the head's hash, {@link AuditChain#GENESIS} for an empty chain
 */
public record ChainHead(long sequence, String hash) {

  /** The head of a chain that has no event yet. */
  public static final ChainHead EMPTY = new ChainHead(0, AuditChain.GENESIS);
}
