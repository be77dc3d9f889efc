package dev.flowlet.batch.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The executions running or queued in this JVM. An execution the repository calls running but that
 * is not here either runs on another instance or was left behind by a crash; {@link
 * JobsSettings#staleAfter} tells the two apart, because every instance marks its own executions
 * alive ({@link #markAlive}) well within that time, even during a step that commits nothing for
 * hours or while an execution waits in the queue. Every job registers this listener; {@link
 * EveryLaunchSeen} reports the launches, so queued executions count as here too.
 */
@Component
public class RunningExecutions implements JobExecutionListener {

  private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

  private final Set<Long> here = ConcurrentHashMap.newKeySet();
  private final JobsSettings settings;
  private final JdbcClient jdbc;
  private final String executions;

  RunningExecutions(JobsSettings settings, JdbcClient jdbc, BatchJdbcProperties batch) {
    this.settings = settings;
    this.jdbc = jdbc;
    String prefix = batch.getTablePrefix() == null ? "BATCH_" : batch.getTablePrefix();
    this.executions = prefix + "JOB_EXECUTION";
  }

  /** An execution was created by a launch in this JVM; it may wait in the queue for a while. */
  void launched(JobExecution execution) {
    here.add(execution.getId());
    if (!execution.isRunning()) {
      // It finished (or was refused by a full queue) before we got here.
      here.remove(execution.getId());
    }
  }

  @Override
  public void beforeJob(JobExecution execution) {
    here.add(execution.getId());
  }

  @Override
  public void afterJob(JobExecution execution) {
    here.remove(execution.getId());
  }

  boolean here(long executionId) {
    return here.contains(executionId);
  }

  /**
   * Whether a crash left this execution running: the repository calls it running, it is neither
   * running nor queued here, and neither it nor any of its steps was updated for {@link
   * JobsSettings#staleAfter}.
   */
  boolean crashed(JobExecution execution) {
    return execution.isRunning() && !here(execution.getId()) && stale(execution);
  }

  private boolean stale(JobExecution execution) {
    LocalDateTime last = execution.getLastUpdated();
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
        last = step.getLastUpdated();
      }
    }
    return last == null
        || Duration.between(last, LocalDateTime.now()).compareTo(settings.staleAfter()) > 0;
  }

  /**
   * Touches {@code last_updated} of every execution running or queued here, so that other instances
   * do not take a long step or a long wait in the queue for a crash. Only that column changes:
   * Spring Batch's optimistic locking goes by the version, which stays as it is.
   */
  void markAlive() {
    List<Long> ids = List.copyOf(here);
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            "update "
                + executions
                + " set last_updated = :now where job_execution_id in (:ids) and status in "
                + RUNNING)
        .param("now", LocalDateTime.now())
        .param("ids", ids)
        .update();
    // Launches whose job ended without reaching afterJob (a refused start) are forgotten here.
    jdbc.sql(
            "select job_execution_id from "
                + executions
                + " where job_execution_id in (:ids) and status not in "
                + RUNNING)
        .param("ids", ids)
        .query(Long.class)
        .list()
        .forEach(here::remove);
  }
}
