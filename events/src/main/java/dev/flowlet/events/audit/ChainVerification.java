package dev.flowlet.events.audit;

/**
 * What verifying one chain found.
 *
 * @param chainId the chain
 * @param eventsVerified events whose hash and link were checked before the first break
 * @param checkpointsVerified checkpoints whose signature and head were checked
 * @param lastSequence sequence of the last event verified, 0 for none
 * @param firstBreak the first break, null when the chain is intact
 */
public record ChainVerification(
    String chainId,
    long eventsVerified,
    long checkpointsVerified,
    long lastSequence,
    ChainBreak firstBreak) {

  /** Whether no break was found. */
  public boolean intact() {
    return firstBreak == null;
  }
}
