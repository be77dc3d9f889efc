/**
 * {@code backupVerificationJob}: takes a backup of the Flowlet database with {@code pg_dump}
 * (custom format) together with per-table row counts and content checksums from the same snapshot,
 * restores it into a scratch database, compares, measures the restore time against the RTO, drops
 * the scratch database and applies the retention. A failed or stale verification raises an alert.
 *
 * <p>Steps: {@code backupDumpStep} (or the backup named by the {@code backup} parameter), {@code
 * restoreVerificationStep}, {@code backupRetentionStep}. Each backup {@code <name>.dump} has a
 * manifest {@code <name>.dump.manifest.json} (SHA-256, snapshot time, table fingerprints) and, once
 * it passed verification, {@code <name>.dump.verified.json}.
 */
package dev.flowlet.batch.backup;
