package dev.flowlet.api.audit;

/**
 * The answer of {@code GET /api/v1/compliance/audit/{eventId}/verification}.
 *
 * @param eventId the event
 * @param chainId its chain
 * @param sequence its position, null when it was never chained
 * @param verdict {@code INTACT} (hash, links and the segment up to a valid checkpoint hold), {@code
 *     ALTERED} (any of them fails), {@code UNANCHORED} (hash and links hold but no checkpoint
 *     covers it yet)
 * @param hashValid whether its content recomputes to its hash
 * @param linkedToPredecessor whether its previous hash is its predecessor's hash (the genesis for
 *     the first)
 * @param linkedToSuccessor whether its successor links to its hash; null while it is its chain's
 *     head
 * @param checkpoint the first checkpoint at or after it, null when there is none yet
 */
record EventVerification(
    String eventId,
    String chainId,
    Long sequence,
    String verdict,
    boolean hashValid,
    boolean linkedToPredecessor,
    Boolean linkedToSuccessor,
    CheckpointCheck checkpoint) {

  /**
   * @param sequence the checkpoint's sequence
   * @param signatureValid whether its signature verifies with the configured key of its id
   */
  record CheckpointCheck(long sequence, boolean signatureValid) {}
}
