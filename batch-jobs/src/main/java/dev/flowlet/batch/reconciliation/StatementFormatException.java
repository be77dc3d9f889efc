package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.jobs.OperatorFacingFailure;

/** The statement file as a whole cannot be read in the configured layout (header, encoding). */
class StatementFormatException extends RuntimeException implements OperatorFacingFailure {

  StatementFormatException(String message) {
    super(message);
  }
}
