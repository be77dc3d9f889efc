package dev.flowlet.batch.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.TopicReaders;
import dev.flowlet.events.Alert;
import dev.flowlet.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Backups of the test database with the real pg_dump and pg_restore (PostgreSQL 15), restored into
 * a scratch database on the same server and compared with the source as of the dump.
 */
@BatchJobsTest
class BackupVerificationJobIntegrationTest {

  private final JobsClient jobs;
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final BackupFolder folder;
  private final TamperingCheck tampering;
  private final String admin = Tokens.of("ADMIN");

  BackupVerificationJobIntegrationTest(
      @LocalServerPort int port,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      BackupFolder folder,
      TamperingCheck tampering) {
    this.jobs = new JobsClient(port);
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.folder = folder;
    this.tampering = tampering;
  }

  @Test
  void takesABackupRestoresItAndFindsEveryTableAsInTheSourceAtTheDump() {
    UUID account = ledger.account("Backed Up");
    ledger.record(account, "DEPOSIT", "42.00", LocalDate.of(2026, 3, 1), "Payer", null);
    double verifiedBefore = metric("flowlet_backup_last_verified_timestamp_seconds");

    long executionId = jobs.started(admin, "backupVerificationJob", Map.of());
    JsonNode execution = jobs.finished(admin, executionId);

    assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
    JsonNode report = execution.get("report");
    assertThat(report.get("verdict").asString()).isEqualTo("PASSED");
    assertThat(report.get("problems")).isEmpty();
    assertThat(report.get("tables").asInt()).isGreaterThan(10);
    assertThat(report.get("rows").asLong()).isPositive();
    assertThat(report.get("sha256").asString()).hasSize(64);
    assertThat(report.get("erasureReplay").asString()).isEqualTo("PASSED");
    Path dump = folder.dump(report.get("file").asString());
    assertThat(dump).exists();
    assertThat(Checksums.sha256(dump)).isEqualTo(report.get("sha256").asString());
    BackupManifest manifest = folder.manifest(dump).orElseThrow();
    assertThat(manifest.tables())
        .anySatisfy(
            table -> {
              assertThat(table.qualifiedName()).isEqualTo("public.transactions");
              assertThat(table.rows()).isPositive();
            });
    assertThat(folder.verification(dump)).isPresent();
    assertThat(scratchDatabases()).isZero();
    assertThat(metric("flowlet_backup_last_verified_timestamp_seconds"))
        .isGreaterThan(verifiedBefore);
    assertThat(metric("flowlet_backup_age_seconds")).isBetween(0.0, 600.0);
    assertThat(metric("flowlet_backup_restore_seconds")).isPositive();
  }

  @Test
  void failsWhenARestoredTableWasTamperedWithAndRaisesAnAlert() {
    UUID account = ledger.account("Tampered");
    UUID transaction =
        ledger.record(account, "DEPOSIT", "10.00", LocalDate.of(2026, 3, 2), "Payer", null);
    tampering.arm("update transactions set amount = 10000 where id = '" + transaction + "'");

    long executionId = jobs.started(admin, "backupVerificationJob", Map.of());
    JsonNode execution = jobs.finished(admin, executionId);

    assertThat(execution.get("status").asString()).isEqualTo("FAILED");
    JsonNode report = execution.get("report");
    assertThat(report.get("verdict").asString()).isEqualTo("FAILED");
    assertThat(report.get("problems").toString())
        .contains("public.transactions has other content in the restored copy");
    assertThat(report.get("error").asString()).contains("failed verification");
    assertThat(folder.verification(folder.dump(report.get("file").asString()))).isEmpty();
    assertThat(scratchDatabases()).isZero();
    assertThat(TopicReaders.readAll(Topics.ALERTS))
        .anySatisfy(
            alert -> {
              assertThat(alert.alertId()).isEqualTo("backup-verification-failed-" + executionId);
              assertThat(alert.severity()).isEqualTo(Alert.Severity.CRITICAL);
              assertThat(alert.detail()).contains("other content");
            });
  }

  @Test
  void failsWhenRowsGoMissingFromTheRestoredCopy() {
    tampering.arm("delete from batch.batch_job_execution_params");

    long executionId = jobs.started(admin, "backupVerificationJob", Map.of());
    JsonNode report = jobs.finished(admin, executionId).get("report");

    assertThat(report.get("problems").toString())
        .contains("batch.batch_job_execution_params has 0 rows in the restored copy");
  }

  @Test
  void verifiesAnExistingBackupByNameAndRefusesOneWhoseFileWasAltered() throws Exception {
    long taken = jobs.started(admin, "backupVerificationJob", Map.of());
    String name = jobs.finished(admin, taken).get("report").get("file").asString();

    long again = jobs.started(admin, "backupVerificationJob", Map.of("backup", name));
    JsonNode verifiedAgain = jobs.finished(admin, again);
    assertThat(verifiedAgain.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(verifiedAgain.get("report").get("file").asString()).isEqualTo(name);

    Path copy = folder.dir().resolve("altered-" + UUID.randomUUID() + BackupFolder.DUMP);
    byte[] bytes = Files.readAllBytes(folder.dump(name));
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(copy, bytes);
    Files.copy(
        BackupFolder.sibling(folder.dump(name), BackupFolder.MANIFEST),
        BackupFolder.sibling(copy, BackupFolder.MANIFEST));
    long altered =
        jobs.started(
            admin, "backupVerificationJob", Map.of("backup", copy.getFileName().toString()));
    JsonNode refused = jobs.finished(admin, altered);
    assertThat(refused.get("status").asString()).isEqualTo("FAILED");
    assertThat(refused.get("report").get("problems").toString()).contains("SHA-256 differs");
  }

  private long scratchDatabases() {
    return jdbc.sql("select count(*) from pg_database where datname like 'flowlet_verify_%'")
        .query(Long.class)
        .single();
  }

  private double metric(String name) {
    return jobs.get(null, "/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }
}
