package dev.flowlet.batch.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.gdpr.DataSubjects.Subject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claimer, polled by hand (its schedule is off in tests): it starts received exports and
 * records their outcome, and resumes requests a crashed instance left RUNNING.
 */
@BatchJobsTest
class PrivacyRequestClaimerIntegrationTest {

  private final PrivacyRequestClaimer claimer;
  private final DataSubjects subjects;
  private final JdbcClient jdbc;
  private final JobRepository repository;
  private final GdprSettings settings;

  PrivacyRequestClaimerIntegrationTest(
      PrivacyRequestClaimer claimer,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      JobRepository repository,
      GdprSettings settings) {
    this.claimer = claimer;
    this.subjects = new DataSubjects(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.repository = repository;
    this.settings = settings;
  }

  @AfterEach
  void removeInjectedFailures() {
    subjects.removeFailures();
  }

  @Test
  void startsAReceivedExportOnceAndRecordsWhoRanItAndWhenItCompleted() {
    Subject subject = subjects.customer("Claimed Subject", 30);
    UUID request = subjects.exportRequest(subject.id(), "RECEIVED");

    claimer.poll();
    awaitStatus(request, "COMPLETED");
    claimer.poll();

    Map<String, Object> row = row(request);
    assertThat(row.get("handled_by")).isEqualTo(settings.instanceId());
    assertThat(row.get("job_execution_id")).isNotNull();
    assertThat(row.get("started_at")).isNotNull();
    assertThat(row.get("completed_at")).isNotNull();
    assertThat(row.get("failure")).isNull();
    assertThat(Files.exists(settings.exportDir().resolve(row.get("archive_path").toString())))
        .isTrue();
    assertThat(executionsOf(request)).as("a completed request is not started again").isEqualTo(1);
  }

  @Test
  void resumesARequestClaimedByAnInstanceThatDiedBeforeStartingIt() {
    Subject subject = subjects.customer("Orphaned Subject", 10);
    UUID request = subjects.exportRequest(subject.id(), "RUNNING");
    jdbc.sql(
            "update data_subject_requests set handled_by = 'dead-instance',"
                + " updated_at = now() - interval '1 hour' where id = ?")
        .param(request)
        .update();

    claimer.poll();

    awaitStatus(request, "COMPLETED");
    assertThat(row(request).get("handled_by")).isEqualTo(settings.instanceId());
  }

  @Test
  void resumesTheExecutionACrashLeftRunningAfterItsLastCompletedStep() {
    Subject subject = subjects.customer("Crashed Subject", 250);
    UUID request = subjects.exportRequest(subject.id(), "RECEIVED");
    subjects.failExportAfterHundredTransactions(request);
    claimer.poll();
    awaitStatus(request, "FAILED");
    removeInjectedFailures();
    long crashed = ((Number) row(request).get("job_execution_id")).longValue();
    // What a killed JVM leaves behind: the request RUNNING, its execution and step STARTED.
    jdbc.sql(
            "update data_subject_requests set status = 'RUNNING', failure = null,"
                + " updated_at = now() - interval '1 hour' where id = ?")
        .param(request)
        .update();
    jdbc.sql(
            "update batch.batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN',"
                + " end_time = null, last_updated = now() - interval '1 hour'"
                + " where job_execution_id = ?")
        .param(crashed)
        .update();
    jdbc.sql(
            "update batch.batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING',"
                + " end_time = null where job_execution_id = ? and status = 'FAILED'")
        .param(crashed)
        .update();
    jdbc.sql(
            "update batch.batch_step_execution set last_updated = now() - interval '1 hour'"
                + " where job_execution_id = ?")
        .param(crashed)
        .update();

    claimer.poll();

    awaitStatus(request, "COMPLETED");
    long resumed = ((Number) row(request).get("job_execution_id")).longValue();
    assertThat(resumed).isNotEqualTo(crashed);
    var execution = repository.getJobExecution(resumed);
    assertThat(execution.getJobInstanceId())
        .isEqualTo(repository.getJobExecution(crashed).getJobInstanceId());
    assertThat(execution.getStepExecutions())
        .noneMatch(step -> step.getStepName().equals("exportProfileStep"));
    assertThat(repository.getJobExecution(crashed).getStatus()).isNotEqualTo(BatchStatus.STARTED);
  }

  private void awaitStatus(UUID request, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(subjects.status(request)).isEqualTo(status));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Object id = row(request).get("job_execution_id");
              return id != null
                  && !repository.getJobExecution(((Number) id).longValue()).isRunning();
            });
  }

  private Map<String, Object> row(UUID request) {
    return jdbc.sql("select * from data_subject_requests where id = ?")
        .param(request)
        .query()
        .singleRow();
  }

  private long executionsOf(UUID request) {
    return jdbc.sql(
            """
            select count(*) from batch.batch_job_execution_params
             where parameter_name = 'requestId' and parameter_value = ?
            """)
        .param(request.toString())
        .query(Long.class)
        .single();
  }
}
