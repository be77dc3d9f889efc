package dev.flowlet.batch.backup;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param cron when a backup is taken and verified ({@code -} disables it); hourly by default, the
 *     production guide's RPO
 * @param dir the backup folder ({@code FLOWLET_BACKUP_DIR}); created when missing
 * @param pgBinDir the folder of {@code pg_dump} and {@code pg_restore} ({@code
 *     FLOWLET_PG_BIN_DIR}); blank: the PATH, then {@code /usr/lib/postgresql/<version>/bin}
 * @param retention backups older than this are deleted (the newest verified one never is)
 * @param rto the recovery time objective; a restore slower than this fails verification
 * @param maxAge the newest verified backup older than this raises a stale-backup alert
 * @param restoreJobs parallel jobs of {@code pg_restore}
 */
@Validated
@ConfigurationProperties("flowlet.batch.backup")
record BackupSettings(
    @DefaultValue("0 0 * * * *") @NotBlank String cron,
    Path dir,
    @Nullable String pgBinDir,
    @DefaultValue("30d") Duration retention,
    @DefaultValue("4h") Duration rto,
    @DefaultValue("2h") Duration maxAge,
    @DefaultValue("2") @Min(1) int restoreJobs) {

  BackupSettings {
    if (dir == null) {
      throw new IllegalStateException("flowlet.batch.backup.dir must be set (FLOWLET_BACKUP_DIR)");
    }
  }
}
