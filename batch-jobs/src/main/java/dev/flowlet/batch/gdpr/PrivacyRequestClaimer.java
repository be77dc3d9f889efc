package dev.flowlet.batch.gdpr;

import dev.flowlet.batch.jobs.JobExecutions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the GDPR jobs: every {@code poll-interval} it claims RECEIVED requests ({@code for update
 * skip locked}, so several instances never claim the same one), marks them RUNNING and launches the
 * job of their type; and it resumes RUNNING requests whose run died with its instance (neither the
 * request nor the job execution updated for {@code resume-after}) by restarting that execution.
 */
@Component
class PrivacyRequestClaimer implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(PrivacyRequestClaimer.class);
  private static final int BATCH = 10;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final JobOperator operator;
  private final JobRepository repository;
  private final Map<String, Job> jobs;
  private final GdprSettings settings;
  private final RequestOutcome outcome;

  PrivacyRequestClaimer(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      JobOperator operator,
      JobRepository repository,
      List<Job> jobs,
      GdprSettings settings,
      RequestOutcome outcome) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.operator = operator;
    this.repository = repository;
    this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
    this.settings = settings;
    this.outcome = outcome;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (settings.claimer()) {
      registrar.addFixedDelayTask(this::poll, settings.pollInterval());
    }
  }

  /** One round: start what was received, resume what died. */
  void poll() {
    try {
      claimReceived();
      resumeAbandoned();
    } catch (RuntimeException e) {
      log.error("Claiming GDPR requests failed; retrying on the next poll", e);
    }
  }

  /**
   * Claims received requests and starts their jobs; returns how many were started. The claim
   * commits before the start (Spring Batch creates executions outside any caller's transaction); a
   * start that fails hands the request back, and a crash in between leaves it RUNNING without an
   * execution, which {@link #resumeAbandoned} picks up.
   */
  int claimReceived() {
    List<String> types = servedTypes();
    if (types.isEmpty()) {
      return 0;
    }
    List<Claimed> claimed =
        transaction.execute(
            status -> {
              List<Claimed> rows =
                  jdbc.sql(
                          """
                          select id, subject_id, type from data_subject_requests
                           where status = 'RECEIVED' and type in (:types)
                           order by received_at
                           limit :limit
                             for update skip locked
                          """)
                      .param("types", types)
                      .param("limit", BATCH)
                      .query(Claimed.class)
                      .list();
              for (Claimed request : rows) {
                jdbc.sql(
                        """
                        update data_subject_requests
                           set status = 'RUNNING', started_at = now(), handled_by = ?,
                               updated_at = now()
                         where id = ?
                        """)
                    .params(settings.instanceId(), request.id())
                    .update();
              }
              return rows;
            });
    int started = 0;
    for (Claimed request : claimed == null ? List.<Claimed>of() : claimed) {
      try {
        launch(request, null);
        started++;
      } catch (RuntimeException e) {
        log.error("Cannot start the job of request {}; handing it back", request.id(), e);
        jdbc.sql(
                "update data_subject_requests set status = 'RECEIVED', started_at = null,"
                    + " handled_by = null, updated_at = now() where id = ? and status = 'RUNNING'"
                    + " and job_execution_id is null")
            .param(request.id())
            .update();
      }
    }
    return started;
  }

  /**
   * Resumes RUNNING requests whose run is dead (or never started); returns how many were resumed.
   * The request is taken over ({@code handled_by}, {@code updated_at}) in a transaction that skips
   * rows another instance holds, then its execution is recovered and restarted.
   */
  int resumeAbandoned() {
    List<String> types = servedTypes();
    if (types.isEmpty()) {
      return 0;
    }
    List<Resumable> taken =
        transaction.execute(
            status -> {
              List<Running> stale =
                  jdbc.sql(
                          """
                          select id, subject_id, type, job_execution_id
                            from data_subject_requests
                           where status = 'RUNNING' and type in (:types)
                             and updated_at < now() - make_interval(secs => :seconds)
                           order by updated_at
                           limit :limit
                             for update skip locked
                          """)
                      .param("types", types)
                      .param("seconds", settings.resumeAfter().toMillis() / 1000.0)
                      .param("limit", BATCH)
                      .query(Running.class)
                      .list();
              List<Resumable> dead = new java.util.ArrayList<>();
              for (Running request : stale) {
                JobExecution execution =
                    request.jobExecutionId() == null
                        ? null
                        : JobExecutions.find(repository, request.jobExecutionId());
                if (execution != null && execution.isRunning() && !dead(execution)) {
                  continue;
                }
                jdbc.sql(
                        "update data_subject_requests set handled_by = ?, updated_at = now()"
                            + " where id = ?")
                    .params(settings.instanceId(), request.id())
                    .update();
                dead.add(
                    new Resumable(
                        new Claimed(request.id(), request.subjectId(), request.type()), execution));
              }
              return dead;
            });
    int resumed = 0;
    for (Resumable request : taken == null ? List.<Resumable>of() : taken) {
      JobExecution execution = request.execution();
      try {
        if (execution != null && execution.isRunning()) {
          log.warn(
              "Execution {} of request {} was left running by a crash; resuming it",
              execution.getId(),
              request.request().id());
          execution = operator.recover(execution);
        }
        if (execution != null && execution.getStatus() == BatchStatus.COMPLETED) {
          // The run finished but its instance died before recording the outcome.
          outcome.afterJob(execution);
        } else {
          launch(request.request(), execution);
        }
        resumed++;
      } catch (RuntimeException e) {
        log.error("Cannot resume request {}; retrying later", request.request().id(), e);
      }
    }
    return resumed;
  }

  /**
   * Starts the request's job; with the same identifying parameters Spring Batch resumes a failed
   * instance after its last completed step instead of starting over.
   */
  private void launch(Claimed request, JobExecution previous) {
    Job job = jobs.get(GdprJobs.BY_REQUEST_TYPE.get(request.type()));
    JobParameters parameters =
        previous != null
            ? previous.getJobParameters()
            : new JobParametersBuilder()
                .addString(GdprJobs.REQUEST_ID, request.id().toString())
                .addString(GdprJobs.SUBJECT_ID, request.subjectId().toString())
                .toJobParameters();
    try {
      JobExecution execution = operator.start(job, parameters);
      jdbc.sql("update data_subject_requests set job_execution_id = ? where id = ?")
          .params(execution.getId(), request.id())
          .update();
      log.info(
          "Request {} runs as execution {} of {}", request.id(), execution.getId(), job.getName());
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot start " + job.getName() + " for request " + request.id(), e);
    }
  }

  private boolean dead(JobExecution execution) {
    LocalDateTime last = execution.getLastUpdated();
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
        last = step.getLastUpdated();
      }
    }
    return last == null
        || Duration.between(last, LocalDateTime.now()).compareTo(settings.resumeAfter()) > 0;
  }

  /** The request types whose job runs in this app (the erasure job may not be deployed yet). */
  private List<String> servedTypes() {
    return GdprJobs.BY_REQUEST_TYPE.entrySet().stream()
        .filter(entry -> jobs.containsKey(entry.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  record Claimed(UUID id, UUID subjectId, String type) {}

  record Running(UUID id, UUID subjectId, String type, Long jobExecutionId) {}

  private record Resumable(Claimed request, JobExecution execution) {}
}
