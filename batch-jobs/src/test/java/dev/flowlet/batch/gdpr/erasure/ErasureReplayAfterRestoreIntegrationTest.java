package dev.flowlet.batch.gdpr.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.testsupport.FlowletInfrastructure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A backup taken before an erasure, restored after it with the real pg_dump / pg_restore (15),
 * brings the subject back in clear; replaying the erasure ledger of record (Kafka) erases them
 * again, and the backup verification's erasure check agrees.
 */
@BatchJobsTest
class ErasureReplayAfterRestoreIntegrationTest {

  private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final JdbcTemplate jdbc;
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job gdprErasureJob;
  private final ErasureReplay replay;
  private final ErasureReplayCheck check;

  ErasureReplayAfterRestoreIntegrationTest(
      JdbcTemplate jdbc,
      JobOperator operator,
      JobRepository repository,
      Job gdprErasureJob,
      ErasureReplay replay,
      ErasureReplayCheck check) {
    this.jdbc = jdbc;
    this.operator = operator;
    this.repository = repository;
    this.gdprErasureJob = gdprErasureJob;
    this.replay = replay;
    this.check = check;
  }

  @Test
  void erasesTheSubjectAgainInAnOlderBackupRestoredAfterTheErasure() throws Exception {
    DataSubject erin = DataSubject.named("Erin");
    erin.writeTo(jdbc);
    Path dump = Files.createTempFile("flowlet-before-erasure", ".dump");
    pg(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + dump), database());
    UUID request = erin.erasureRequest(jdbc, "demo-approver");
    JobExecution erased =
        operator.start(
            gdprErasureJob,
            new JobParametersBuilder()
                .addString("requestId", request.toString())
                .addString("subjectId", erin.id.toString())
                .toJobParameters());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !repository.getJobExecution(erased.getId()).isRunning());
    assertThat(repository.getJobExecution(erased.getId()).getStatus())
        .isEqualTo(BatchStatus.COMPLETED);

    String scratch = "flowlet_restore_" + UUID.randomUUID().toString().replace("-", "");
    jdbc.execute("create database " + scratch);
    try {
      pg(
          List.of(
              "pg_restore",
              "--no-owner",
              "--exit-on-error",
              "--dbname=" + scratch,
              dump.toString()),
          Map.of());
      try (Connection restored = connect(scratch)) {
        JdbcTemplate copy = new JdbcTemplate(new SingleConnectionDataSource(restored, true));
        assertThat(nameOf(copy, erin)).isEqualTo(erin.name);
        assertThat(keysOf(copy, erin)).isOne();

        ErasureReplay.Result result = replay.replay(copy);

        assertThat(result.reapplied()).isPositive();
        assertThat(nameOf(copy, erin)).isEqualTo("erased-" + erin.id);
        assertThat(keysOf(copy, erin)).isZero();
        assertThat(
                copy.queryForObject(
                    "select count(*) from transactions where channel_device_id = ?",
                    Long.class,
                    erin.device))
            .isZero();
        assertThat(
                copy.queryForObject(
                    "select count(*) from erasure_ledger where subject_id = ?",
                    Long.class,
                    erin.id))
            .isOne();
        assertThat(check.problems(restored, null)).isEmpty();
        assertThat(replay.replay(copy).reapplied()).isZero();
      }
    } finally {
      jdbc.execute("drop database if exists " + scratch + " with (force)");
      Files.deleteIfExists(dump);
    }
  }

  private static String nameOf(JdbcTemplate copy, DataSubject subject) {
    return copy.queryForObject("select name from customers where id = ?", String.class, subject.id);
  }

  private static long keysOf(JdbcTemplate copy, DataSubject subject) {
    return copy.queryForObject(
        "select count(*) from subject_keys where subject_id = ?", Long.class, subject.id);
  }

  private static Map<String, String> database() {
    return Map.of("PGDATABASE", FlowletInfrastructure.shared().databaseName());
  }

  private static Connection connect(String database) throws Exception {
    FlowletInfrastructure servers = FlowletInfrastructure.shared();
    URI url = URI.create(servers.jdbcUrl().substring("jdbc:".length()));
    return DriverManager.getConnection(
        "jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + "/" + database,
        servers.dbUsername(),
        servers.dbPassword());
  }

  /** Runs a PostgreSQL 15 client tool against the test server; fails on a non-zero exit. */
  private static void pg(List<String> command, Map<String, String> extra) throws Exception {
    FlowletInfrastructure servers = FlowletInfrastructure.shared();
    URI url = URI.create(servers.jdbcUrl().substring("jdbc:".length()));
    List<String> full = new ArrayList<>(command);
    Path tool = PG_BIN.resolve(command.get(0));
    full.set(0, Files.isExecutable(tool) ? tool.toString() : command.get(0));
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().put("PGHOST", url.getHost());
    builder.environment().put("PGPORT", Integer.toString(url.getPort()));
    builder.environment().put("PGUSER", servers.dbUsername());
    builder
        .environment()
        .put("PGPASSWORD", servers.dbPassword() == null ? "" : servers.dbPassword());
    builder.environment().putAll(extra);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(command.get(0) + ": " + output).isZero();
  }
}
