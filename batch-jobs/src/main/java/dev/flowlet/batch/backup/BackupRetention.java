package dev.flowlet.batch.backup;

import dev.flowlet.batch.jobs.JobReports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code backupRetentionStep}: deletes backups whose snapshot is older than the retention (30 days
 * by default, as the production guide keeps), except the newest verified one, which is kept
 * whatever its age. Runs after a passed verification only.
 */
class BackupRetention implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(BackupRetention.class);

  private final BackupFolder folder;
  private final Duration retention;
  private final Clock clock;

  BackupRetention(BackupFolder folder, Duration retention, Clock clock) {
    this.folder = folder;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    Instant cutoff = clock.instant().minus(retention);
    Optional<String> keep = folder.newestVerified().map(VerifiedBackup::file);
    int deleted = 0;
    for (Path dump : folder.dumps()) {
      String name = dump.getFileName().toString();
      boolean old =
          folder.manifest(dump).map(manifest -> manifest.takenAt().isBefore(cutoff)).orElse(false);
      if (old && !keep.map(name::equals).orElse(false)) {
        folder.delete(dump);
        deleted++;
        log.info("Deleted backup {}: older than the retention of {}", name, retention);
      }
    }
    contribution.incrementWriteCount(deleted);
    JobExecution job = contribution.getStepExecution().getJobExecution();
    if (JobReports.read(job) instanceof ObjectNode report) {
      report.put("retentionDeleted", deleted);
      JobReports.store(job, report);
    }
    return RepeatStatus.FINISHED;
  }
}
