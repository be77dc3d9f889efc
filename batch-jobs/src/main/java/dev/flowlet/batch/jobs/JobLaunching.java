package dev.flowlet.batch.jobs;

import dev.flowlet.batch.problems.ProblemException;
import dev.flowlet.batch.security.StaffRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts jobs on request: checks the caller's role against the job's runners, turns
 * the request into job parameters, and answers Spring Batch's refusals as problems a client can act
 * on. A request whose identifying parameters match a failed run resumes that run after its last
 * committed chunk. Restart requests and {@link CrashedExecutions} resume executions with the same
 * code ({@link #resume}).
 */
@Component
public class JobLaunching {

  private static final Logger log = LoggerFactory.getLogger(JobLaunching.class);

  private final Map<String, Job> jobs;
  private final Map<String, OnDemandJob> onDemand;
  private final JobOperator operator;
  private final JobRepository repository;
  private final RunningExecutions running;

  JobLaunching(
      List<Job> jobs,
      List<OnDemandJob> onDemand,
      JobOperator operator,
      JobRepository repository,
      RunningExecutions running) {
    this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
    this.onDemand =
        onDemand.stream().collect(Collectors.toMap(OnDemandJob::jobName, Function.identity()));
    this.operator = operator;
    this.repository = repository;
    this.running = running;
  }

  /** Starts a job for an API caller; returns the new execution's id. */
  long start(String jobName, Map<String, Object> request, Authentication caller) {
    OnDemandJob job = onDemand.get(jobName);
    if (job == null || !jobs.containsKey(jobName)) {
      throw ProblemException.notFound("job with that name");
    }
    if (!StaffRole.anyOf(caller, job.runners())) {
      throw ProblemException.forbidden("Your role does not allow running " + jobName);
    }
    JobParameters parameters =
        launchedBy(job.parameters(request), caller.getName(), roleOf(caller));
    JobExecution execution = start(jobName, parameters);
    log.info("{} started execution {} of {}", caller.getName(), execution.getId(), jobName);
    return execution.getId();
  }

  /**
   * Starts a job with parameters that were already checked.
   *
   * @throws ProblemException 409 when a run with these parameters is running or complete
   */
  JobExecution start(String jobName, JobParameters parameters) {
    return answered(jobName, parameters, () -> operator.start(jobs.get(jobName), parameters));
  }

  /**
   * Resumes a failed or stopped execution, or one left running by a crash (not running here and not
   * updated for {@link JobsSettings#staleAfter}); returns the new execution's id.
   */
  long restart(long executionId, Authentication caller) {
    JobExecution execution = JobExecutions.find(repository, executionId);
    if (execution == null) {
      throw ProblemException.notFound("job execution with that id");
    }
    String jobName = execution.getJobInstance().getJobName();
    OnDemandJob job = onDemand.get(jobName);
    if (job == null || !StaffRole.anyOf(caller, job.runners())) {
      throw ProblemException.forbidden("Your role does not allow restarting " + jobName);
    }
    BatchStatus status = execution.getStatus();
    if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
      throw ProblemException.conflict(
          "Execution " + executionId + " is " + status + " and cannot be restarted", Map.of());
    }
    if (status.isRunning()) {
      if (!running.crashed(execution)) {
        throw ProblemException.conflict(
            "Execution " + executionId + " is still running", Map.of("executionId", executionId));
      }
      log.warn(
          "Execution {} of {} was left {} by a crash; marking it failed to resume it",
          executionId,
          jobName,
          status);
    }
    JobParameters parameters =
        launchedBy(execution.getJobParameters(), caller.getName(), roleOf(caller));
    JobExecution resumed = answered(jobName, parameters, () -> resume(execution, parameters));
    log.info("{} restarted execution {} as {}", caller.getName(), executionId, resumed.getId());
    return resumed.getId();
  }

  /**
   * Resumes an execution for whoever asked (a restart request, {@link CrashedExecutions}): marks it
   * failed first if a crash left it running, as Spring Batch's operator recovers executions, then
   * starts its job instance again with the same identifying parameters, which continues after the
   * last committed chunk. The caller has checked that the execution is not running elsewhere.
   *
   * @param parameters the execution's parameters with who launches the new run
   * @throws JobExecutionAlreadyRunningException when someone else resumed it first
   */
  JobExecution resume(JobExecution execution, JobParameters parameters)
      throws JobExecutionException {
    JobExecution previous = execution;
    if (previous.getStatus().isRunning()) {
      previous = operator.recover(previous);
    }
    return operator.start(jobs.get(previous.getJobInstance().getJobName()), parameters);
  }

  /** The jobs a crash recovery resumes: those the jobs API starts and restarts. */
  Set<String> resumableJobs() {
    return onDemand.keySet().stream().filter(jobs::containsKey).collect(Collectors.toSet());
  }

  /** Runs a launch and answers Spring Batch's refusals as problems a client can act on. */
  private JobExecution answered(String jobName, JobParameters parameters, Launch launch) {
    try {
      return launch.run();
    } catch (JobExecutionAlreadyRunningException e) {
      throw ProblemException.conflict(
          "A run of " + jobName + " with these parameters is running",
          executionOf(jobName, parameters));
    } catch (JobInstanceAlreadyCompleteException e) {
      throw ProblemException.conflict(
          "A run of "
              + jobName
              + " with these parameters is already complete; pass \"rerun\": true to run it again",
          executionOf(jobName, parameters));
    } catch (JobRestartException e) {
      throw ProblemException.conflict(
          "The last run of " + jobName + " with these parameters cannot be restarted", Map.of());
    } catch (InvalidJobParametersException e) {
      throw ProblemException.invalid("parameters", "are not valid for " + jobName);
    } catch (JobExecutionException e) {
      throw new IllegalStateException("Cannot launch " + jobName, e);
    } catch (TaskRejectedException e) {
      throw ProblemException.busy("Too many jobs are running or queued; retry later");
    }
  }

  /** One call to the job operator that starts a run. */
  @FunctionalInterface
  private interface Launch {
    JobExecution run() throws JobExecutionException;
  }

  /**
   * Adds who launched the run and in which role, as non-identifying parameters (a restart by
   * someone else still resumes the same run), for the audit trail of job runs.
   */
  static JobParameters launchedBy(
      JobParameters parameters, String launchedBy, @Nullable String launchedAs) {
    JobParametersBuilder builder =
        new JobParametersBuilder(parameters).addString("launchedBy", launchedBy, false);
    if (launchedAs != null) {
      builder.addString("launchedAs", launchedAs, false);
    }
    return builder.toJobParameters();
  }

  private static @Nullable String roleOf(Authentication caller) {
    return caller.getAuthorities().stream()
        .map(authority -> authority.getAuthority())
        .filter(authority -> authority.startsWith("ROLE_"))
        .map(authority -> authority.substring("ROLE_".length()))
        .sorted()
        .findFirst()
        .orElse(null);
  }

  private Map<String, Object> executionOf(String jobName, JobParameters parameters) {
    JobExecution last = repository.getLastJobExecution(jobName, parameters);
    return last == null ? Map.of() : Map.of("executionId", last.getId());
  }
}
