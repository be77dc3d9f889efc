package dev.flowlet.batch.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Resumes, without anyone asking, the executions a crash left running: when the application is
 * ready and then every {@code flowlet.batch.jobs.recovery-interval}, each execution of the jobs
 * API's jobs that the repository calls running but that {@link RunningExecutions#crashed} says was
 * left behind is marked failed and started again with the same identifying parameters, launched by
 * {@value #ACTOR} (the job-run audit trail shows it), so it continues after its last committed
 * chunk. One instance at a time sweeps (a PostgreSQL advisory lock); an execution another instance
 * resumed in between is passed over quietly. The GDPR jobs are not swept here: their requests are
 * taken over by {@code AbandonedRequests}, which also keeps the request row up to date.
 */
@Component
class CrashedExecutions {

  /** Who launches the resumed runs, as their {@code launchedBy} parameter and audit actor. */
  static final String ACTOR = "system:crash-recovery";

  private static final String ROLE = "SYSTEM";

  /** The key of the sweep's PostgreSQL advisory lock ("flowletC" in ASCII). */
  private static final long LOCK = 0x666c6f776c657443L;

  private static final Logger log = LoggerFactory.getLogger(CrashedExecutions.class);

  private final JobLaunching launching;
  private final JobRepository repository;
  private final RunningExecutions running;
  private final JobsSettings settings;
  private final DataSource dataSource;
  private final TaskScheduler scheduler;
  private final Map<String, Counter> resumed = new TreeMap<>();

  CrashedExecutions(
      JobLaunching launching,
      JobRepository repository,
      RunningExecutions running,
      JobsSettings settings,
      DataSource dataSource,
      TaskScheduler scheduler,
      MeterRegistry meters) {
    this.launching = launching;
    this.repository = repository;
    this.running = running;
    this.settings = settings;
    this.dataSource = dataSource;
    this.scheduler = scheduler;
    for (String job : launching.resumableJobs()) {
      resumed.put(
          job,
          Counter.builder("flowlet.batch.jobs.crash.resumed")
              .description("Job executions left running by a crash and resumed automatically")
              .tag("job_name", job)
              .register(meters));
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void schedule() {
    scheduler.scheduleWithFixedDelay(this::markAlive, settings.aliveInterval());
    if (settings.resumeCrashed()) {
      scheduler.scheduleWithFixedDelay(this::sweep, settings.recoveryInterval());
    }
  }

  private void markAlive() {
    try {
      running.markAlive();
    } catch (DataAccessException e) {
      log.warn("Cannot mark this instance's job executions alive; retrying: {}", e.toString());
    }
  }

  /** One look for crashed executions; returns how many were resumed. */
  int sweep() {
    try (Connection lock = dataSource.getConnection()) {
      if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
        return 0; // Another instance is sweeping.
      }
      try {
        return resumeCrashed();
      } finally {
        advisory(lock, "select pg_advisory_unlock(?)");
      }
    } catch (SQLException | DataAccessException e) {
      log.warn("Cannot look for crashed job executions; retrying: {}", e.toString());
      return 0;
    }
  }

  private int resumeCrashed() {
    int count = 0;
    for (Map.Entry<String, Counter> job : resumed.entrySet()) {
      for (JobExecution execution : repository.findRunningJobExecutions(job.getKey())) {
        if (running.crashed(execution) && resume(execution)) {
          job.getValue().increment();
          count++;
        }
      }
    }
    return count;
  }

  private boolean resume(JobExecution execution) {
    BatchStatus leftAs = execution.getStatus();
    try {
      JobExecution resumedAs =
          launching.resume(
              execution, JobLaunching.launchedBy(execution.getJobParameters(), ACTOR, ROLE));
      log.warn(
          "Execution {} of {} (job instance {}) was left {} by a crash; resumed as execution {}"
              + " ({})",
          execution.getId(),
          execution.getJobInstance().getJobName(),
          execution.getJobInstance().getInstanceId(),
          leftAs,
          resumedAs.getId(),
          resumedAs.getStatus());
      return true;
    } catch (JobExecutionAlreadyRunningException | OptimisticLockingFailureException e) {
      log.debug("Execution {} was resumed by another instance", execution.getId());
      return false;
    } catch (JobExecutionException | RuntimeException e) {
      log.error(
          "Execution {} of {} was left running by a crash and cannot be resumed; restart it with"
              + " POST /api/v1/jobs/executions/{}/restart",
          execution.getId(),
          execution.getJobInstance().getJobName(),
          execution.getId(),
          e);
      return false;
    }
  }

  private static boolean advisory(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, LOCK);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
