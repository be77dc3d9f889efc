package dev.flowlet.batch.backup;

import dev.flowlet.batch.jobs.JobReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code restoreVerificationStep}: checks the dump's SHA-256 against its manifest, restores it into
 * a scratch database {@code flowlet_verify_<run>} with {@code pg_restore}, times the restore
 * against the RTO, runs every {@link RestoredCopyCheck}, and drops the scratch database whatever
 * happened. The report is stored with the job execution; any problem fails the step (and the job),
 * so the failure is visible in the job repository, the metrics and an alert.
 */
class RestoreVerification implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(RestoreVerification.class);
  static final String NOT_CHECKED = "NOT_CHECKED: no erasure-replay check is configured";

  private final DataSource dataSource;
  private final DatabaseAddress database;
  private final BackupFolder folder;
  private final PostgresTools tools;
  private final List<RestoredCopyCheck> checks;
  private final BackupMetrics metrics;
  private final BackupSettings settings;
  private final Clock clock;

  RestoreVerification(
      DataSource dataSource,
      DatabaseAddress database,
      BackupFolder folder,
      PostgresTools tools,
      List<RestoredCopyCheck> checks,
      BackupMetrics metrics,
      BackupSettings settings,
      Clock clock) {
    this.dataSource = dataSource;
    this.database = database;
    this.folder = folder;
    this.tools = tools;
    this.checks = List.copyOf(checks);
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    JobExecution job = contribution.getStepExecution().getJobExecution();
    String name = job.getExecutionContext().getString(TakingBackup.BACKUP_FILE);
    Path dump = folder.dump(name);
    BackupManifest manifest =
        folder
            .manifest(dump)
            .orElseThrow(
                () -> new BackupVerificationException("The manifest of " + name + " is gone"));
    List<String> problems = new ArrayList<>();
    if (!Files.exists(dump)) {
      throw new BackupVerificationException("The backup " + name + " is gone");
    }
    if (!Checksums.sha256(dump).equals(manifest.sha256())) {
      problems.add("the dump's SHA-256 differs from the one recorded when it was taken");
    }
    double restoreSeconds = 0;
    if (problems.isEmpty()) {
      String scratch = "flowlet_verify_" + job.getJobInstanceId();
      try {
        recreate(scratch);
        long started = System.nanoTime();
        restore(dump, scratch, manifest.serverVersion());
        restoreSeconds = (System.nanoTime() - started) / 1e9;
        if (restoreSeconds > settings.rto().toSeconds()) {
          problems.add(
              "the restore took %.0f s, over the RTO of %d s"
                  .formatted(restoreSeconds, settings.rto().toSeconds()));
        }
        try (Connection restored =
            DriverManager.getConnection(
                database.withDatabase(scratch).jdbcUrl(), database.user(), database.password())) {
          for (RestoredCopyCheck check : checks) {
            check
                .problems(restored, manifest)
                .forEach(problem -> problems.add(check.name() + ": " + problem));
          }
        }
      } finally {
        drop(scratch);
      }
    }
    long rows = manifest.tables().stream().mapToLong(TableFingerprint::rows).sum();
    BackupReport report =
        new BackupReport(
            problems.isEmpty() ? "PASSED" : "FAILED",
            name,
            manifest.sha256(),
            manifest.sizeBytes(),
            manifest.takenAt().toString(),
            restoreSeconds,
            settings.rto().toSeconds(),
            manifest.tables().size(),
            rows,
            problems,
            erasureReplay(problems));
    JobReports.store(job, report);
    contribution.incrementReadCount();
    if (!problems.isEmpty()) {
      log.warn("Backup {} failed verification: {}", name, problems);
      throw new BackupVerificationException(
          "The backup " + name + " failed verification: " + String.join("; ", problems));
    }
    VerifiedBackup verified =
        new VerifiedBackup(name, manifest.takenAt(), clock.instant(), restoreSeconds, job.getId());
    folder.markVerified(dump, verified);
    metrics.verified(verified);
    log.info(
        "Backup {} verified: restored in {} s, {} tables and {} rows as in the source",
        name,
        Math.round(restoreSeconds),
        manifest.tables().size(),
        rows);
    return RepeatStatus.FINISHED;
  }

  /** PASSED or FAILED when an erasure-replay check ran, else NOT_CHECKED. */
  private String erasureReplay(List<String> problems) {
    String name = "erasureReplay";
    if (checks.stream().noneMatch(check -> check.name().equals(name))) {
      return NOT_CHECKED;
    }
    return problems.stream().anyMatch(problem -> problem.startsWith(name + ":"))
        ? "FAILED"
        : "PASSED";
  }

  private void restore(Path dump, String scratch, int serverVersion) {
    Path pgRestore = tools.find("pg_restore", serverVersion / 10000);
    PostgresTools.runChecked(
        List.of(
            pgRestore.toString(),
            "--dbname=" + scratch,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--no-password",
            "--jobs=" + settings.restoreJobs(),
            dump.toString()),
        database.withDatabase(scratch).environment(),
        settings.rto().plus(Duration.ofMinutes(5)));
  }

  /** Drops a leftover of an earlier attempt of this run, then creates the scratch database. */
  private void recreate(String scratch) throws Exception {
    drop(scratch);
    try (Connection admin = dataSource.getConnection();
        Statement statement = admin.createStatement()) {
      admin.setAutoCommit(true);
      statement.execute("create database " + scratch);
    }
  }

  private void drop(String scratch) throws Exception {
    try (Connection admin = dataSource.getConnection();
        Statement statement = admin.createStatement()) {
      admin.setAutoCommit(true);
      statement.execute("drop database if exists " + scratch + " with (force)");
    }
  }
}
