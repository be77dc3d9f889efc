package dev.flowlet.batch.reconciliation;

/** What reconciliation found for one statement line, one ledger row, or a matched pair of both. */
enum ResultCategory {
  /** A line and a ledger row agree (a pair counts once). */
  MATCHED,
  /** A line names a ledger transaction whose signed amount or currency differ. */
  AMOUNT_MISMATCH,
  /** A line has no ledger transaction: its id is unknown, or nothing matches within tolerance. */
  MISSING_IN_LEDGER,
  /** A ledger row of the period that no line matched. */
  MISSING_IN_STATEMENT,
  /** A line repeating an earlier line's statement_ref or transaction_id. */
  DUPLICATE_IN_STATEMENT,
  /** A line that cannot be read: its reason and line number are reported. */
  INVALID_LINE;

  boolean isBreak() {
    return this != MATCHED;
  }
}
