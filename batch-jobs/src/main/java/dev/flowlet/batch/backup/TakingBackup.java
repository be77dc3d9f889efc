package dev.flowlet.batch.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code backupDumpStep}: takes the backup, or picks the one the {@code backup} parameter names.
 *
 * <p>To compare a restored copy with the source "as of the dump", it opens a repeatable-read
 * transaction, exports its snapshot, runs {@code pg_dump --snapshot} on it and, while the dump
 * runs, fingerprints every table in that same snapshot. The manifest (SHA-256, snapshot time,
 * fingerprints) is written next to the dump. The dump's name goes to the job's context for the next
 * steps.
 */
class TakingBackup implements Tasklet {

  static final String BACKUP_FILE = "backup.file";
  private static final Logger log = LoggerFactory.getLogger(TakingBackup.class);
  private static final Duration DUMP_TIMEOUT = Duration.ofHours(6);

  private final DataSource dataSource;
  private final DatabaseAddress database;
  private final BackupFolder folder;
  private final PostgresTools tools;
  private final BackupMetrics metrics;
  private final Clock clock;

  TakingBackup(
      DataSource dataSource,
      DatabaseAddress database,
      BackupFolder folder,
      PostgresTools tools,
      BackupMetrics metrics,
      Clock clock) {
    this.dataSource = dataSource;
    this.database = database;
    this.folder = folder;
    this.tools = tools;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    var job = contribution.getStepExecution().getJobExecution();
    String requested = job.getJobParameters().getString("backup");
    if (requested != null) {
      Path dump = folder.dump(requested);
      if (dump == null || !Files.exists(dump) || folder.manifest(dump).isEmpty()) {
        throw new BackupVerificationException(
            "The backup " + requested + " is not in the backup folder with its manifest");
      }
      job.getExecutionContext().putString(BACKUP_FILE, requested);
      return RepeatStatus.FINISHED;
    }
    long instanceId = job.getJobInstanceId();
    folder.deletePartials(instanceId);
    BackupManifest manifest = dump(instanceId);
    metrics.backupTaken(manifest.takenAt());
    job.getExecutionContext().putString(BACKUP_FILE, manifest.file());
    contribution.incrementWriteCount(1);
    return RepeatStatus.FINISHED;
  }

  private BackupManifest dump(long instanceId) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("set transaction isolation level repeatable read, read only");
        String snapshot;
        int serverVersion;
        try (ResultSet rows =
            statement.executeQuery(
                "select pg_export_snapshot(), current_setting('server_version_num')::int")) {
          rows.next();
          snapshot = rows.getString(1);
          serverVersion = rows.getInt(2);
        }
        Instant takenAt = clock.instant();
        String name = folder.newDumpName(takenAt, instanceId);
        Path dump = folder.dir().resolve(name);
        Path partial = BackupFolder.sibling(dump, BackupFolder.PARTIAL);
        Path pgDump = tools.find("pg_dump", serverVersion / 10000);
        List<String> command = new ArrayList<>();
        command.add(pgDump.toString());
        command.add("--format=custom");
        command.add("--snapshot=" + snapshot);
        command.add("--no-password");
        command.add("--file=" + partial);
        long started = System.nanoTime();
        PostgresTools.Running running = PostgresTools.start(command, database.environment());
        List<TableFingerprint> tables;
        try {
          tables = TableFingerprint.of(connection);
        } catch (Exception e) {
          running.kill();
          throw e;
        }
        running.awaitSuccess(DUMP_TIMEOUT);
        connection.commit();
        Files.move(partial, dump, StandardCopyOption.ATOMIC_MOVE);
        BackupManifest manifest =
            new BackupManifest(
                name,
                Checksums.sha256(dump),
                Files.size(dump),
                takenAt,
                database.toString(),
                serverVersion,
                tables);
        folder.writeManifest(dump, manifest);
        log.info(
            "Backup {} taken in {} ms: {} bytes, {} tables",
            name,
            Duration.ofNanos(System.nanoTime() - started).toMillis(),
            manifest.sizeBytes(),
            tables.size());
        return manifest;
      }
    }
  }
}
