package dev.flowlet.batch.reconciliation;

/**
 * A statement line that cannot be reconciled; the load step skips it into the results as
 * INVALID_LINE with its line number and this reason.
 */
class InvalidStatementLine extends RuntimeException {

  private final long lineNumber;

  InvalidStatementLine(long lineNumber, String reason) {
    super(reason, null, false, false);
    this.lineNumber = lineNumber;
  }

  long lineNumber() {
    return lineNumber;
  }

  String reason() {
    return getMessage();
  }
}
