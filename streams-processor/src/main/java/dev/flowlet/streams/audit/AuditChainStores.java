package dev.flowlet.streams.audit;

/** Names of the chainer's state stores: they name changelog topics, never rename. */
final class AuditChainStores {

  /** Per chain id: the head (sequence, hash) and the sequence of the last checkpoint. */
  static final String CHAIN_HEADS = "audit-chain-heads";

  /** Event ids chained within the duplicate window, with their sequence. */
  static final String CHAINED_IDS = "audit-chained-ids";

  private AuditChainStores() {}
}
