package dev.flowlet.batch.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.imports.ImportFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The jobs contract as a client meets it: tokens, roles, problems for every client mistake. */
@BatchJobsTest
class JobsApiIntegrationTest {

  private static final String HEADER =
      "statement_ref,value_date,amount,currency,counterparty,transaction_id,description\n";

  private final JobsClient jobs;
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final ImportFolder imports;
  private final String operator = Tokens.of("OPERATOR");

  JobsApiIntegrationTest(
      @LocalServerPort int port, JdbcClient jdbc, JdbcTemplate jdbcTemplate, ImportFolder imports) {
    this.jobs = new JobsClient(port);
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.imports = imports;
  }

  @Test
  void startsAJobWith202AndShowsItsStatusProgressAndReport() throws IOException {
    UUID account = ledger.account("Api Holder");
    Path file = statement(HEADER + "A1,2026-03-01,-1.00,EUR,Shop,,x\n");

    JobsClient.Response started =
        jobs.start(
            operator,
            "reconciliationJob",
            Map.of("file", file.toString(), "accountId", account.toString()));

    assertThat(started.status()).isEqualTo(202);
    long executionId = started.json().get("executionId").asLong();
    JsonNode execution = jobs.finished(Tokens.of("AUDITOR"), executionId);
    assertThat(execution.get("executionId").asLong()).isEqualTo(executionId);
    assertThat(execution.get("jobName").asString()).isEqualTo("reconciliationJob");
    assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(execution.get("exitStatus").asString()).isEqualTo("COMPLETED");
    assertThat(execution.get("startedAt").asString()).isNotBlank();
    assertThat(execution.get("endedAt").asString()).isNotBlank();
    assertThat(execution.get("progress").get("readCount").asLong()).isPositive();
    assertThat(execution.get("progress").get("steps")).hasSize(5);
    assertThat(execution.get("report").get("summary").get("MISSING_IN_LEDGER").asLong())
        .isEqualTo(1);
    assertThat(jobs.execution(Tokens.of("COMPLIANCE_OFFICER"), executionId).status())
        .isEqualTo(200);
  }

  @Test
  void refusesRequestsWithoutAValidTokenWith401Problems() {
    String foreign =
        Tokens.signed(
            "another-secret-of-at-least-thirty-two-bytes!",
            "flowlet-api",
            "someone",
            List.of("ADMIN"),
            UUID.randomUUID().toString());
    String otherIssuer =
        Tokens.signed(Tokens.LOCAL_SECRET, "someone-else", "someone", List.of("ADMIN"), "jti-1");

    for (String token : new String[] {null, "not-a-jwt", foreign, otherIssuer}) {
      JobsClient.Response response = jobs.start(token, "backupVerificationJob", Map.of());
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void refusesATokenTheApiRevoked() {
    String tokenId = UUID.randomUUID().toString();
    String token =
        Tokens.signed(
            Tokens.LOCAL_SECRET, "flowlet-api", "revoked-admin", List.of("ADMIN"), tokenId);
    jdbc.sql(
            "insert into revoked_access_tokens (jti, expires_at) values (?, now() + interval '1"
                + " hour')")
        .param(tokenId)
        .update();

    assertThat(jobs.get(token, "/api/v1/jobs/executions/1").status()).isEqualTo(401);
  }

  @Test
  void letsOnlyTheJobsRunnersStartIt() {
    JobsClient.Response operatorOnBackup = jobs.start(operator, "backupVerificationJob", Map.of());
    JobsClient.Response auditorOnReconciliation =
        jobs.start(Tokens.of("AUDITOR"), "reconciliationJob", Map.of());
    JobsClient.Response approverReading = jobs.execution(Tokens.of("APPROVER"), 1);

    assertThat(operatorOnBackup.status()).isEqualTo(403);
    assertThat(operatorOnBackup.json().get("type").asString())
        .isEqualTo("https://flowlet.dev/problems/forbidden");
    assertThat(auditorOnReconciliation.status()).isEqualTo(403);
    assertThat(approverReading.status()).isEqualTo(403);
  }

  @Test
  void answersUnknownJobsAndExecutionsWith404Problems() {
    JobsClient.Response job = jobs.start(operator, "noSuchJob", Map.of());
    JobsClient.Response execution = jobs.execution(operator, 987654321);
    JobsClient.Response notANumber = jobs.get(operator, "/api/v1/jobs/executions/abc");

    assertThat(job.status()).isEqualTo(404);
    assertThat(job.contentType()).startsWith("application/problem+json");
    assertThat(execution.status()).isEqualTo(404);
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.contentType()).startsWith("application/problem+json");
  }

  @Test
  void refusesFilesOutsideTheImportFolderThroughLinksOrMissingWith422() throws IOException {
    UUID account = ledger.account("Paths");
    Path outside = Files.createTempFile("statement-outside", ".csv");
    Files.writeString(outside, HEADER);
    Path link = imports.root().resolve("link-" + UUID.randomUUID() + ".csv");
    Files.createSymbolicLink(link, outside);
    Path inside = statement(HEADER);

    assertThat(fileError(outside.toString(), account))
        .isEqualTo("must lie inside the import folder");
    assertThat(fileError(imports.root() + "/../" + outside.getFileName(), account))
        .isEqualTo("must lie inside the import folder");
    assertThat(fileError(link.toString(), account))
        .isEqualTo("leads out of the import folder through a link");
    assertThat(fileError(imports.root().resolve("missing.csv").toString(), account))
        .isEqualTo("no such file in the import folder");
    assertThat(fileError("relative.csv", account)).isEqualTo("must be an absolute path");
    assertThat(fileError(imports.root().toString(), account)).isEqualTo("is not a regular file");
    assertThat(fileError(inside.toString(), account)).isNull();
  }

  @Test
  void listsEveryInvalidParameterIn422Problems() throws IOException {
    Path notAStatement = statement("just,some,columns\n1,2,3\n");

    JobsClient.Response response =
        jobs.start(
            operator,
            "reconciliationJob",
            Map.of(
                "file", notAStatement.toString(),
                "accountId", "not-a-uuid",
                "from", "2026-02-30",
                "colour", "blue"));
    JobsClient.Response unknownAccount =
        jobs.start(
            operator,
            "reconciliationJob",
            Map.of(
                "file", statement(HEADER).toString(), "accountId", UUID.randomUUID().toString()));
    JobsClient.Response backwards =
        jobs.start(
            operator,
            "reconciliationJob",
            Map.of(
                "file",
                statement(HEADER).toString(),
                "accountId",
                ledger.account("Backwards").toString(),
                "from",
                "2026-03-10",
                "to",
                "2026-03-01"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").toString())
        .contains("colour", "is not a parameter of this job")
        .contains("the configured layout: The header row lacks the column(s) value_date")
        .contains("accountId", "is not an account id")
        .contains("from", "must be a date");
    assertThat(unknownAccount.json().get("errors").toString())
        .contains("no ledger account with that id");
    assertThat(backwards.json().get("errors").toString()).contains("must not be before from");
  }

  @Test
  void answersABodyThatIsNotAJsonObjectWith400() {
    JobsClient.Response array = jobs.post(operator, "/api/v1/jobs/reconciliationJob", "[1, 2]");
    JobsClient.Response broken =
        jobs.post(operator, "/api/v1/jobs/reconciliationJob", "{\"file\":");

    assertThat(array.status()).isEqualTo(400);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.contentType()).startsWith("application/problem+json");
  }

  @Test
  void refusesARestartOfACompletedExecution() throws IOException {
    UUID account = ledger.account("Restart Refused");
    long executionId =
        jobs.started(
            operator,
            "reconciliationJob",
            Map.of("file", statement(HEADER).toString(), "accountId", account.toString()));
    jobs.finished(operator, executionId);

    JobsClient.Response restart =
        jobs.post(operator, "/api/v1/jobs/executions/" + executionId + "/restart", "");

    assertThat(restart.status()).isEqualTo(409);
    assertThat(jobs.post(operator, "/api/v1/jobs/executions/424242/restart", "").status())
        .isEqualTo(404);
  }

  @Test
  void storesAnUploadedStatementInTheImportFolderAndReconcilesIt() {
    UUID account = ledger.account("Uploader");

    JobsClient.Response uploaded = jobs.upload(operator, HEADER + "U1,2026-03-01,-2.00,EUR,x,,y\n");

    assertThat(uploaded.status()).isEqualTo(201);
    Path stored = Path.of(uploaded.json().get("file").asString());
    assertThat(stored).startsWith(imports.root()).exists();
    assertThat(uploaded.json().get("sha256").asString()).hasSize(64);
    long executionId =
        jobs.started(
            operator,
            "reconciliationJob",
            Map.of("file", stored.toString(), "accountId", account.toString()));
    assertThat(jobs.finished(operator, executionId).get("status").asString())
        .isEqualTo("COMPLETED");
  }

  @Test
  void refusesUploadsThatAreNotStatementsOrComeFromOtherRoles() {
    JobsClient.Response notAStatement = jobs.upload(operator, "hello,world\n");
    JobsClient.Response auditor = jobs.upload(Tokens.of("AUDITOR"), HEADER);

    assertThat(notAStatement.status()).isEqualTo(422);
    assertThat(auditor.status()).isEqualTo(403);
  }

  @Test
  void refusesAnUploadOverTheSizeLimitWith413AndKeepsNothing() throws IOException {
    long before = uploadsKept();
    String large = HEADER + "L1,2026-03-01,-1.00,EUR,x,,y\n".repeat(40_000);

    JobsClient.Response response = jobs.upload(operator, large);

    assertThat(large.length()).isGreaterThan(1024 * 1024);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(uploadsKept()).isEqualTo(before);
  }

  private long uploadsKept() throws IOException {
    Path uploads = Files.createDirectories(imports.root().resolve("uploads"));
    try (var files = Files.list(uploads)) {
      return files.count();
    }
  }

  private String fileError(String file, UUID account) {
    JobsClient.Response response =
        jobs.start(
            operator, "reconciliationJob", Map.of("file", file, "accountId", account.toString()));
    if (response.status() == 202) {
      return null;
    }
    assertThat(response.status()).isEqualTo(422);
    for (JsonNode error : response.json().get("errors")) {
      if (error.get("field").asString().equals("file")) {
        return error.get("message").asString();
      }
    }
    return "no error about file: " + response.body();
  }

  private Path statement(String content) throws IOException {
    Path folder = Files.createDirectories(imports.root().resolve("api"));
    return Files.writeString(folder.resolve(UUID.randomUUID() + ".csv"), content);
  }
}
