package dev.flowlet.batch.gdpr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.opencsv.CSVReader;
import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.gdpr.DataSubjects;
import dev.flowlet.batch.gdpr.DataSubjects.Subject;
import dev.flowlet.batch.gdpr.GdprSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * gdprExportJob launched directly for a request row, as the claimer would: the archive's manifest
 * checks out file by file, formula cells are neutralised, nothing of another customer is in it, and
 * a failure in the middle of the largest data set is resumed to a correct archive.
 */
@BatchJobsTest
class GdprExportJobIntegrationTest {

  private static final int TRANSACTIONS = 300;

  private final DataSubjects subjects;
  private final JdbcClient jdbc;
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job gdprExportJob;
  private final Path exportDir;
  private final JsonMapper json = JsonMapper.builder().build();

  GdprExportJobIntegrationTest(
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      JobOperator operator,
      JobRepository repository,
      Job gdprExportJob,
      GdprSettings settings) {
    this.subjects = new DataSubjects(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.operator = operator;
    this.repository = repository;
    this.gdprExportJob = gdprExportJob;
    this.exportDir = settings.exportDir();
  }

  @AfterEach
  void removeInjectedFailures() {
    subjects.removeFailures();
  }

  @Test
  void exportsEverythingAboutTheSubjectAndNothingAboutAnyoneElse() throws Exception {
    Subject other = subjects.customer("Olivia Otherperson", 20);
    Subject subject = subjects.complete("Grace Hopper", TRANSACTIONS, other);
    UUID request = subjects.exportRequest(subject.id(), "RUNNING");

    JobExecution execution = run(request, subject, null);

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    Map<String, byte[]> archive = archive(request);
    JsonNode manifest = checkManifest(request, archive);
    assertThat(rows(manifest, "transactions.jsonl")).isEqualTo(TRANSACTIONS);
    assertThat(rows(manifest, "transactions.csv")).isEqualTo(TRANSACTIONS);
    assertThat(rows(manifest, "profile.jsonl")).isEqualTo(1);
    assertThat(rows(manifest, "accounts.jsonl")).isEqualTo(1);
    assertThat(rows(manifest, "incoming_transfers.jsonl")).isEqualTo(1);
    assertThat(rows(manifest, "cards.jsonl")).isEqualTo(1);
    assertThat(rows(manifest, "consents.jsonl")).isEqualTo(2);
    assertThat(rows(manifest, "risk_decisions.jsonl")).isEqualTo(1);
    assertThat(rows(manifest, "alerts.jsonl")).isEqualTo(1);
    assertThat(rows(manifest, "audit_events.jsonl")).isEqualTo(1);
    assertThat(rows(manifest, "privacy_requests.jsonl")).isEqualTo(1);

    String everything = text(archive);
    assertThat(everything).contains("Grace Hopper", subject.email(), subject.device());
    assertThat(everything)
        .doesNotContain(other.name(), other.email(), other.device(), "Sender Secret Name")
        .as("no card number, key material, fingerprint or staff address")
        .doesNotContain("4111111111111111", "encrypted_pan", "fingerprint", "10.9.8.7");
    assertThat(new String(archive.get("cards.jsonl"), StandardCharsets.UTF_8))
        .contains("411111******1111");
    JsonNode decision = json.readTree(archive.get("risk_decisions.jsonl"));
    assertThat(decision.get("reasons").get(0).get("rule").asString())
        .isEqualTo("NEW_DEVICE_HIGH_VALUE");

    List<String[]> csv = csv(archive.get("transactions.csv"));
    assertThat(csv.getFirst()).contains("counterparty_name", "amount");
    int column = List.of(csv.getFirst()).indexOf("counterparty_name");
    List<String> counterparties = csv.stream().skip(1).map(row -> row[column]).toList();
    String rawCsv = new String(archive.get("transactions.csv"), StandardCharsets.UTF_8);
    for (String formula : DataSubjects.FORMULAS) {
      if (formula.startsWith("\r")) {
        // opencsv's reader turns a quoted CR into a line break; check the bytes written instead.
        assertThat(rawCsv).contains("\"'" + formula + "\"");
      } else {
        assertThat(counterparties).contains("'" + formula).doesNotContain(formula);
      }
    }
    assertThat(Files.getPosixFilePermissions(exportDir.resolve(request + ".zip")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(exportDir.resolve("work").resolve(request.toString())).doesNotExist();
    JsonNode row = requestRow(request);
    assertThat(row.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(row.get("archive_sha256").asString()).isEqualTo(sha256(zipBytes(request)));
    assertThat(row.get("archive_bytes").asLong()).isEqualTo(zipBytes(request).length);
    assertThat(row.get("progress").get("step").asString()).isEqualTo("archive");
  }

  @Test
  void resumesAfterAFailureInTheMiddleAndRunsTwiceToTheSameFiles() throws Exception {
    Subject other = subjects.customer("Oscar Otherperson", 5);
    Subject subject = subjects.complete("Alan Turing", TRANSACTIONS, other);
    UUID request = subjects.exportRequest(subject.id(), "RUNNING");
    // A real database error while the transactions are written: the first progress report after
    // 100 rows of them fails, and with it the step.
    subjects.failExportAfterHundredTransactions(request);

    JobExecution failed = run(request, subject, null);

    assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(subjects.status(request)).isEqualTo("FAILED");
    assertThat(requestRow(request).get("failure").asString())
        .contains("server log")
        .doesNotContain("Alan Turing");
    assertThat(exportDir.resolve(request + ".zip")).doesNotExist();

    removeInjectedFailures();
    JobExecution resumed = run(request, subject, null);

    assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
    assertThat(resumed.getStepExecutions().stream().map(StepExecution::getStepName))
        .as("completed data sets are not redone")
        .doesNotContain("exportProfileStep", "exportAccountsStep")
        .contains("exportTransactionsStep", "exportArchiveStep");
    Map<String, byte[]> first = archive(request);
    JsonNode firstManifest = checkManifest(request, first);
    assertThat(rows(firstManifest, "transactions.jsonl")).isEqualTo(TRANSACTIONS);
    assertThat(subjects.status(request)).isEqualTo("COMPLETED");

    JobExecution again = run(request, subject, "2");

    assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    JsonNode secondManifest = checkManifest(request, archive(request));
    assertThat(withoutTimestamp(secondManifest)).isEqualTo(withoutTimestamp(firstManifest));
  }

  private JobExecution run(UUID request, Subject subject, String attempt) throws Exception {
    JobParametersBuilder parameters =
        new JobParametersBuilder()
            .addString("requestId", request.toString())
            .addString("subjectId", subject.id().toString());
    if (attempt != null) {
      parameters.addString("attempt", attempt);
    }
    JobParameters built = parameters.toJobParameters();
    long id = operator.start(gdprExportJob, built).getId();
    await().atMost(Duration.ofSeconds(60)).until(() -> !repository.getJobExecution(id).isRunning());
    // The outcome listener runs before the repository records the end; wait for both.
    await().atMost(Duration.ofSeconds(10)).until(() -> !subjects.status(request).equals("RUNNING"));
    return repository.getJobExecution(id);
  }

  /** Recomputes every file's SHA-256, size and row count and compares them with the manifest. */
  private JsonNode checkManifest(UUID request, Map<String, byte[]> archive) throws Exception {
    JsonNode manifest = json.readTree(archive.get("manifest.json"));
    assertThat(manifest.get("requestId").asString()).isEqualTo(request.toString());
    assertThat(manifest.get("files")).hasSize(ExportDataset.ALL.size() * 2);
    assertThat(archive.keySet()).hasSize(ExportDataset.ALL.size() * 2 + 1);
    for (JsonNode file : manifest.get("files")) {
      String name = file.get("name").asString();
      byte[] content = archive.get(name);
      assertThat(content).as(name).isNotNull();
      assertThat(sha256(content)).as(name).isEqualTo(file.get("sha256").asString());
      assertThat((long) content.length).as(name).isEqualTo(file.get("bytes").asLong());
      long rows =
          name.endsWith(".csv")
              ? csv(content).size() - 1
              : new String(content, StandardCharsets.UTF_8).lines().count();
      assertThat(rows).as(name).isEqualTo(file.get("rows").asLong());
    }
    return manifest;
  }

  private static JsonNode withoutTimestamp(JsonNode manifest) {
    ObjectNode copy = (ObjectNode) manifest.deepCopy();
    copy.remove("generatedAt");
    return copy;
  }

  private static long rows(JsonNode manifest, String name) {
    for (JsonNode file : manifest.get("files")) {
      if (file.get("name").asString().equals(name)) {
        return file.get("rows").asLong();
      }
    }
    throw new AssertionError("no " + name + " in the manifest");
  }

  private byte[] zipBytes(UUID request) throws IOException {
    return Files.readAllBytes(exportDir.resolve(request + ".zip"));
  }

  private Map<String, byte[]> archive(UUID request) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes(request)))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  private static String text(Map<String, byte[]> archive) {
    StringBuilder all = new StringBuilder();
    archive.values().forEach(bytes -> all.append(new String(bytes, StandardCharsets.UTF_8)));
    return all.toString();
  }

  private static List<String[]> csv(byte[] content) throws Exception {
    try (CSVReader reader =
        new CSVReader(
            new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
      return reader.readAll();
    }
  }

  private JsonNode requestRow(UUID request) {
    return json.readTree(
        jdbc.sql("select to_jsonb(r)::text from data_subject_requests r where id = ?")
            .param(request)
            .query(String.class)
            .single());
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
