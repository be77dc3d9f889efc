package dev.flowlet.batch.backup;

import java.time.Instant;

/**
 * The mark of a backup that passed verification, written as {@code <dump>.verified.json}: the
 * metrics of the backup folder survive restarts of the app, and retention never deletes the newest
 * verified backup.
 *
 * @param file the dump's file name
 * @param takenAt when its snapshot was taken
 * @param verifiedAt when it passed verification
 * @param restoreSeconds how long its restore took
 * @param executionId the job execution that verified it
 */
record VerifiedBackup(
    String file, Instant takenAt, Instant verifiedAt, double restoreSeconds, long executionId) {}
