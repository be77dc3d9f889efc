package dev.flowlet.batch.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.imports.ImportFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Crash recovery as it runs in production: on its own schedule, with nobody calling the API. A
 * crash is what a killed JVM leaves in the job repository: an execution and its step still STARTED,
 * last updated long ago. The other tests share the database and fake crashes of their own, so this
 * context (the only one that resumes by itself) is closed after this class.
 */
@BatchJobsTest
@TestPropertySource(
    properties = {
      "flowlet.batch.jobs.resume-crashed=true",
      "flowlet.batch.jobs.recovery-interval=500ms",
      "flowlet.batch.jobs.stale-after=1m"
    })
@DirtiesContext
class CrashedExecutionsIntegrationTest {

  private static final int LINES = 2500;
  private static final Pattern RESUMED =
      Pattern.compile(
          "flowlet_batch_jobs_crash_resumed_total\\{application=\"flowlet-batch-jobs\","
              + "job_name=\"reconciliationJob\"} (\\S+)");

  private final JobsClient jobs;
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final ImportFolder imports;
  private final JobRepository repository;
  private final RunningExecutions running;
  private final String operator = Tokens.of("OPERATOR");
  private final String marker = "CRASH-" + UUID.randomUUID();
  private final List<Long> madeUp = new ArrayList<>();

  CrashedExecutionsIntegrationTest(
      @LocalServerPort int port,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      ImportFolder imports,
      JobRepository repository,
      RunningExecutions running) {
    this.jobs = new JobsClient(port);
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.imports = imports;
    this.repository = repository;
    this.running = running;
  }

  @AfterEach
  void cleanUp() {
    jdbc.sql("drop trigger if exists inject_crash on batch.reconciliation_lines").update();
    for (long id : madeUp) {
      running.afterJob(repository.getJobExecution(id));
      jdbc.sql(
              "update batch.batch_job_execution set status = 'FAILED', exit_code = 'FAILED',"
                  + " end_time = localtimestamp where job_execution_id = ?")
          .param(id)
          .update();
    }
  }

  @Test
  void resumesAnExecutionACrashLeftRunningWithoutAnyRequestAndLeavesALiveOneAlone()
      throws IOException {
    // Running on another instance: STARTED, updated just now, not running here.
    long live = madeUpExecution(LocalDateTime.now());
    double resumedBefore = resumedCount();
    UUID account = ledger.account("Crash Recovery Holder");
    Map<String, Object> request =
        Map.of(
            "file", statementMatchingLedger(account).toString(), "accountId", account.toString());
    failInsertsOfTheMarkedLine();
    long crashed = jobs.started(operator, "reconciliationJob", request);
    assertThat(jobs.finished(operator, crashed).get("status").asString()).isEqualTo("FAILED");
    jdbc.sql("drop trigger inject_crash on batch.reconciliation_lines").update();

    leftRunningByACrash(crashed, LocalDateTime.now().minusMinutes(10));

    long resumed =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> laterExecutionOfTheSameRun(crashed), id -> id > 0);
    JsonNode completed = jobs.finished(operator, resumed);
    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.get("parameters").get("launchedBy").asString())
        .isEqualTo("system:crash-recovery");
    assertThat(step(completed, "statementLoadStep").get("readCount").asLong())
        .as("the resumed run reads only what the crashed one had not committed")
        .isEqualTo(LINES - 1000);
    assertThat(completed.get("report").get("summary").get("MATCHED").asLong()).isEqualTo(LINES);
    assertThat(jobs.execution(operator, crashed).json().get("status").asString())
        .isEqualTo("FAILED");
    assertThat(
            jdbc.sql(
                    "select actor || ' ' || role from audit_logs where action = 'job.started'"
                        + " and resource_type = 'job-execution' and resource_id = ?")
                .param(String.valueOf(resumed))
                .query(String.class)
                .single())
        .isEqualTo("system:crash-recovery SYSTEM");
    assertThat(resumedCount()).isEqualTo(resumedBefore + 1);
    // The sweep that resumed the crashed execution had the live one in front of it too.
    assertThat(status(live)).isEqualTo("STARTED");
    assertThat(laterExecutionOfTheSameRun(live)).isEqualTo(-1);
  }

  @Test
  void marksExecutionsQueuedOrRunningHereAliveForTheOtherInstances() {
    long queued = madeUpExecution(LocalDateTime.now());
    running.launched(repository.getJobExecution(queued));
    LocalDateTime longAgo = LocalDateTime.now().minusMinutes(10);
    jdbc.sql("update batch.batch_job_execution set last_updated = ? where job_execution_id = ?")
        .params(longAgo, queued)
        .update();

    running.markAlive();

    assertThat(lastUpdated(queued)).isAfter(LocalDateTime.now().minusSeconds(10));
    assertThat(status(queued)).isEqualTo("STARTED");
    assertThat(laterExecutionOfTheSameRun(queued)).isEqualTo(-1);
  }

  /** A STARTED execution of reconciliationJob made through the repository, not launched here. */
  private long madeUpExecution(LocalDateTime lastUpdated) {
    JobParameters parameters =
        new JobParametersBuilder()
            .addString("file", "/made-up/" + UUID.randomUUID() + ".csv", true)
            .addString("accountId", UUID.randomUUID().toString(), true)
            .toJobParameters();
    JobInstance instance = repository.createJobInstance("reconciliationJob", parameters);
    JobExecution execution =
        repository.createJobExecution(instance, parameters, new ExecutionContext());
    madeUp.add(execution.getId());
    jdbc.sql(
            "update batch.batch_job_execution set status = 'STARTED', start_time = ?,"
                + " last_updated = ? where job_execution_id = ?")
        .params(lastUpdated, lastUpdated, execution.getId())
        .update();
    return execution.getId();
  }

  /** What a killed JVM leaves behind: the execution and its steps still STARTED, no end time. */
  private void leftRunningByACrash(long executionId, LocalDateTime lastUpdated) {
    jdbc.sql(
            "update batch.batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN',"
                + " end_time = null, last_updated = ? where job_execution_id = ?")
        .params(lastUpdated, executionId)
        .update();
    jdbc.sql(
            "update batch.batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING',"
                + " end_time = null, last_updated = ? where job_execution_id = ?")
        .params(lastUpdated, executionId)
        .update();
  }

  /** The newest execution of the same job instance after this one, or -1. */
  private long laterExecutionOfTheSameRun(long executionId) {
    return jdbc.sql(
            """
            select coalesce(max(later.job_execution_id), -1)
              from batch.batch_job_execution crashed
              join batch.batch_job_execution later
                on later.job_instance_id = crashed.job_instance_id
               and later.job_execution_id > crashed.job_execution_id
             where crashed.job_execution_id = ?
            """)
        .param(executionId)
        .query(Long.class)
        .single();
  }

  private String status(long executionId) {
    return jdbc.sql("select status from batch.batch_job_execution where job_execution_id = ?")
        .param(executionId)
        .query(String.class)
        .single();
  }

  private LocalDateTime lastUpdated(long executionId) {
    return jdbc.sql("select last_updated from batch.batch_job_execution where job_execution_id = ?")
        .param(executionId)
        .query(LocalDateTime.class)
        .single();
  }

  private double resumedCount() {
    Matcher matcher = RESUMED.matcher(jobs.get(null, "/metrics").body());
    assertThat(matcher.find()).as("the counter is registered at start-up").isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  /** {@value LINES} deposits and a statement line for each; line 1500 carries the marker. */
  private Path statementMatchingLedger(UUID account) throws IOException {
    String csv = ledger.depositsWithMatchingStatement(account, LINES, "C", 2000, 1500, marker);
    Path folder = Files.createDirectories(imports.root().resolve("crash"));
    return Files.writeString(folder.resolve(UUID.randomUUID() + ".csv"), csv);
  }

  /** The first run dies in its second chunk, after the first 1,000 lines were committed. */
  private void failInsertsOfTheMarkedLine() {
    jdbc.sql(
            """
            create or replace function public.inject_crash() returns trigger
            language plpgsql as $$
            begin
              if new.counterparty = '%s' then raise exception 'injected crash'; end if;
              return new;
            end $$
            """
                .formatted(marker))
        .update();
    jdbc.sql(
            "create trigger inject_crash before insert on batch.reconciliation_lines"
                + " for each row execute function public.inject_crash()")
        .update();
  }

  private static JsonNode step(JsonNode execution, String name) {
    return StreamSupport.stream(execution.get("progress").get("steps").spliterator(), false)
        .filter(step -> step.get("name").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
