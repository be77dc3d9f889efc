package dev.flowlet.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.imports.ImportFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Failures injected with PostgreSQL triggers (a real database error in the middle of a chunk) into
 * both chunk-oriented steps, then restarts: committed chunks are not redone, and every line ends
 * with exactly one result. Chunks are 1,000 items in the test configuration.
 */
@BatchJobsTest
class ReconciliationRestartIntegrationTest {

  private static final int LINES = 3500;

  private final JobsClient jobs;
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final ImportFolder imports;
  private final String operator = Tokens.of("OPERATOR");
  private final String marker = "INJECT-" + UUID.randomUUID();

  ReconciliationRestartIntegrationTest(
      @LocalServerPort int port, JdbcClient jdbc, JdbcTemplate jdbcTemplate, ImportFolder imports) {
    this.jobs = new JobsClient(port);
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.imports = imports;
  }

  @AfterEach
  void removeInjectedFailures() {
    jdbc.sql("drop trigger if exists inject_failure on batch.reconciliation_lines").update();
    jdbc.sql("drop trigger if exists inject_failure on batch.reconciliation_results").update();
  }

  @Test
  void resumesAfterFailedChunksWithoutRedoingCommittedOnesOrReportingAnythingTwice()
      throws IOException {
    UUID account = ledger.account("Restart Holder");
    Map<String, Object> request =
        Map.of(
            "file",
            statementMatchingLedger(account, 1500).toString(),
            "accountId",
            account.toString());
    failInsertsInto("batch.reconciliation_lines", "new.counterparty = '" + marker + "'");

    long first = jobs.started(operator, "reconciliationJob", request);
    JsonNode failedLoad = jobs.finished(operator, first);

    assertThat(failedLoad.get("status").asString()).isEqualTo("FAILED");
    assertThat(failedLoad.get("report").get("error").asString()).contains("server log");
    assertThat(step(failedLoad, "statementLoadStep").get("commitCount").asLong()).isEqualTo(1);
    assertThat(linesStored(first)).isEqualTo(1000);
    assertThat(jobs.get(null, "/metrics").body())
        .contains("flowlet_reconciliation_last_run_status{application=\"flowlet-batch-jobs\"} 0.0");

    removeInjectedFailures();
    failInsertsInto(
        "batch.reconciliation_results", "new.category = 'MATCHED' and new.line_no = 2501");
    JobsClient.Response restarted =
        jobs.post(operator, "/api/v1/jobs/executions/" + first + "/restart", "");
    assertThat(restarted.status()).isEqualTo(202);
    long second = restarted.json().get("executionId").asLong();
    JsonNode failedMatch = jobs.finished(operator, second);

    assertThat(failedMatch.get("status").asString()).isEqualTo("FAILED");
    assertThat(step(failedMatch, "statementLoadStep").get("readCount").asLong())
        .as("the restarted load step reads only what the failed attempt had not committed")
        .isEqualTo(LINES - 1000);
    assertThat(step(failedMatch, "amountMatchStep").get("commitCount").asLong()).isEqualTo(2);

    removeInjectedFailures();
    long third = jobs.started(operator, "reconciliationJob", request);
    JsonNode completed = jobs.finished(operator, third);

    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.get("progress").get("steps")).hasSize(2);
    assertThat(step(completed, "amountMatchStep").get("readCount").asLong())
        .as("the resumed match step starts after the last committed group")
        .isEqualTo(LINES - 2000);
    assertThat(completed.get("report").get("summary").get("MATCHED").asLong()).isEqualTo(LINES);
    assertThat(completed.get("report").get("breaks").asLong()).isZero();
    assertThat(
            jdbc.sql(
                    """
                select count(*) = count(distinct r.line_no) and count(*) = ?
                  from batch.reconciliation_results r
                  join batch.batch_job_execution e on e.job_instance_id = r.instance_id
                 where e.job_execution_id = ?
                """)
                .params(LINES, third)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void resumesARunThatACrashLeftMarkedAsRunning() throws IOException {
    UUID account = ledger.account("Crash Holder");
    Map<String, Object> request =
        Map.of(
            "file",
            statementMatchingLedger(account, 1500).toString(),
            "accountId",
            account.toString());
    failInsertsInto("batch.reconciliation_lines", "new.counterparty = '" + marker + "'");
    long crashed = jobs.started(operator, "reconciliationJob", request);
    jobs.finished(operator, crashed);
    removeInjectedFailures();
    // What a killed JVM leaves behind: the execution and its step still STARTED, no end time.
    jdbc.sql(
            "update batch.batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN',"
                + " end_time = null, last_updated = now() - interval '1 minute'"
                + " where job_execution_id = ?")
        .param(crashed)
        .update();
    jdbc.sql(
            "update batch.batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING',"
                + " end_time = null, last_updated = now() - interval '1 minute'"
                + " where job_execution_id = ?")
        .param(crashed)
        .update();
    assertThat(jobs.start(operator, "reconciliationJob", request).status())
        .as("a new start sees the crashed run as running")
        .isEqualTo(409);

    JobsClient.Response restarted =
        jobs.post(operator, "/api/v1/jobs/executions/" + crashed + "/restart", "");

    assertThat(restarted.status()).isEqualTo(202);
    long resumed = restarted.json().get("executionId").asLong();
    JsonNode completed = jobs.finished(operator, resumed);
    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(step(completed, "statementLoadStep").get("readCount").asLong())
        .isEqualTo(LINES - 1000);
    assertThat(completed.get("report").get("summary").get("MATCHED").asLong()).isEqualTo(LINES);
    assertThat(jobs.execution(operator, crashed).json().get("status").asString())
        .isEqualTo("FAILED");
  }

  /**
   * {@value LINES} deposits and a statement line for each; the marker is on item {@code markAt}.
   */
  private Path statementMatchingLedger(UUID account, int markAt) throws IOException {
    String csv = ledger.depositsWithMatchingStatement(account, LINES, "S", 1000, markAt, marker);
    Path folder = Files.createDirectories(imports.root().resolve("restart"));
    return Files.writeString(folder.resolve(UUID.randomUUID() + ".csv"), csv);
  }

  private void failInsertsInto(String table, String condition) {
    jdbc.sql(
            """
            create or replace function public.inject_failure() returns trigger
            language plpgsql as $$
            begin
              if %s then raise exception 'injected failure'; end if;
              return new;
            end $$
            """
                .formatted(condition))
        .update();
    jdbc.sql(
            "create trigger inject_failure before insert on "
                + table
                + " for each row execute function public.inject_failure()")
        .update();
  }

  private long linesStored(long executionId) {
    return jdbc.sql(
            """
            select count(*) from batch.reconciliation_lines l
              join batch.batch_job_execution e on e.job_instance_id = l.instance_id
             where e.job_execution_id = ?
            """)
        .param(executionId)
        .query(Long.class)
        .single();
  }

  private static JsonNode step(JsonNode execution, String name) {
    return StreamSupport.stream(execution.get("progress").get("steps").spliterator(), false)
        .filter(step -> step.get("name").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
