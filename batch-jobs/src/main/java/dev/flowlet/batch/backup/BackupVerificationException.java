package dev.flowlet.batch.backup;

import dev.flowlet.batch.jobs.OperatorFacingFailure;

/**
 * Backup verification cannot go on or did not pass; its message says why in words an operator can
 * act on (and holds no row data), and becomes the report's {@code error}.
 */
class BackupVerificationException extends RuntimeException implements OperatorFacingFailure {

  BackupVerificationException(String message) {
    super(message);
  }
}
