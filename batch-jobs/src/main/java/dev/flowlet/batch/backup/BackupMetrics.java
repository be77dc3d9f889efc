package dev.flowlet.batch.backup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The backup gauges, read from the backup folder at start-up (so they survive restarts) and updated
 * by the job:
 *
 * <ul>
 *   <li>{@code flowlet_backup_last_success_timestamp_seconds}: when the newest backup was taken
 *       (its snapshot), 0 when there is none;
 *   <li>{@code flowlet_backup_last_verified_timestamp_seconds}: when a backup last passed
 *       verification, 0 when none did;
 *   <li>{@code flowlet_backup_restore_seconds}: how long that verification's restore took;
 *   <li>{@code flowlet_backup_age_seconds}: age of the newest backup that passed verification (the
 *       data an operator can count on restoring), now minus its snapshot time.
 * </ul>
 */
@Component
class BackupMetrics {

  private final Clock clock;
  private final AtomicReference<Instant> lastTaken = new AtomicReference<>(Instant.EPOCH);
  private final AtomicReference<VerifiedBackup> lastVerified = new AtomicReference<>();

  BackupMetrics(MeterRegistry meters, BackupFolder folder, Clock clock) {
    this.clock = clock;
    folder.dumps().stream()
        .findFirst()
        .flatMap(folder::manifest)
        .ifPresent(manifest -> lastTaken.set(manifest.takenAt()));
    folder.newestVerified().ifPresent(lastVerified::set);
    Gauge.builder("flowlet.backup.last.success.timestamp", this, m -> seconds(m.lastTaken.get()))
        .description("When the newest backup was taken (its snapshot)")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder(
            "flowlet.backup.last.verified.timestamp",
            this,
            m -> m.lastVerified.get() == null ? 0 : seconds(m.lastVerified.get().verifiedAt()))
        .description("When a backup last passed verification")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder(
            "flowlet.backup.restore",
            this,
            m -> m.lastVerified.get() == null ? Double.NaN : m.lastVerified.get().restoreSeconds())
        .description("How long the restore of the last verified backup took")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder("flowlet.backup.age", this, BackupMetrics::ageSeconds)
        .description("Age of the newest backup that passed verification")
        .baseUnit("seconds")
        .register(meters);
  }

  void backupTaken(Instant takenAt) {
    lastTaken.accumulateAndGet(takenAt, (a, b) -> a.isAfter(b) ? a : b);
  }

  void verified(VerifiedBackup verified) {
    lastVerified.set(verified);
  }

  /** Seconds since the newest verified backup's snapshot; since the epoch when there is none. */
  double ageSeconds() {
    VerifiedBackup verified = lastVerified.get();
    Instant takenAt = verified == null ? Instant.EPOCH : verified.takenAt();
    return (clock.millis() - takenAt.toEpochMilli()) / 1000.0;
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
