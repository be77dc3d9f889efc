package dev.flowlet.batch.audit;

import dev.flowlet.events.audit.ChainBreak;
import java.util.List;

/**
 * The report of one {@code auditChainVerificationJob} run, as the execution's {@code report}.
 *
 * @param verdict {@code INTACT}, or {@code BROKEN} when any chain or the cross-check found a break
 * @param eventsVerified events verified in every chain
 * @param checkpointsVerified checkpoints verified in every chain
 * @param seconds how long reading and verifying took
 * @param eventsPerSecond events read per second
 * @param chains per chain: what was verified and its first break
 * @param databaseCrossCheck the API chain against {@code audit_logs}, null when not checked
 */
record AuditChainReport(
    String verdict,
    long eventsVerified,
    long checkpointsVerified,
    double seconds,
    double eventsPerSecond,
    List<ChainReport> chains,
    AuditLogCrossCheck.CrossCheckReport databaseCrossCheck) {

  /** One chain's result; {@code firstBreak} is null when it is intact. */
  record ChainReport(
      String chainId,
      long eventsRead,
      long eventsVerified,
      long checkpointsVerified,
      long lastSequence,
      ChainBreak firstBreak) {}
}
