package dev.flowlet.batch.gdpr;

import dev.flowlet.batch.gdpr.RequestJobLauncher.Claimed;
import dev.flowlet.batch.jobs.JobExecutions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds RUNNING requests whose run died with its instance (neither the request nor its job
 * execution updated for {@code resume-after}, or never started), takes them over and resumes them.
 */
@Component
class AbandonedRequests {

  private static final Logger log = LoggerFactory.getLogger(AbandonedRequests.class);
  private static final int BATCH = 10;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final JobOperator operator;
  private final JobRepository repository;
  private final RequestJobLauncher launcher;
  private final GdprSettings settings;
  private final RequestOutcome outcome;

  AbandonedRequests(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      JobOperator operator,
      JobRepository repository,
      RequestJobLauncher launcher,
      GdprSettings settings,
      RequestOutcome outcome) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.operator = operator;
    this.repository = repository;
    this.launcher = launcher;
    this.settings = settings;
    this.outcome = outcome;
  }

  /**
   * Resumes RUNNING requests whose run is dead (or never started); returns how many were resumed.
   * The request is taken over ({@code handled_by}, {@code updated_at}) in a transaction that skips
   * rows another instance holds, then its execution is recovered and restarted.
   */
  int resume() {
    List<String> types = launcher.servedTypes();
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
          launcher.launch(request.request(), execution);
        }
        resumed++;
      } catch (RuntimeException e) {
        log.error("Cannot resume request {}; retrying later", request.request().id(), e);
      }
    }
    return resumed;
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

  record Running(UUID id, UUID subjectId, String type, Long jobExecutionId) {}

  private record Resumable(Claimed request, JobExecution execution) {}
}
