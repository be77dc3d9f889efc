package dev.flowlet.batch.jobs;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts why an execution failed into its report ({@code error}), in words an operator can act on,
 * and clears it when the run is restarted. As a step listener it records a failed step's reason
 * before the job's status turns FAILED, so a client never sees FAILED without the reason; as a job
 * listener it covers failures outside steps. Every job and step registers it.
 */
@Component
public class FailureReports implements JobExecutionListener, StepExecutionListener {

  private final JobRepository repository;

  FailureReports(JobRepository repository) {
    this.repository = repository;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    JsonNode report = JobReports.read(execution);
    if (report != null && report.hasNonNull("error")) {
      execution.getExecutionContext().remove(JobReports.KEY);
    }
  }

  @Override
  public @Nullable ExitStatus afterStep(StepExecution step) {
    if (step.getStatus() == BatchStatus.FAILED) {
      record(step.getJobExecution(), reason(step.getFailureExceptions(), step.getJobExecutionId()));
    }
    return null;
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.FAILED && record(execution, reason(execution))) {
      repository.updateExecutionContext(execution);
    }
  }

  /** Adds the reason unless the report has one; returns whether it did. */
  private static boolean record(JobExecution execution, String reason) {
    JsonNode existing = JobReports.read(execution);
    ObjectNode report =
        existing instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    if (report.hasNonNull("error")) {
      return false;
    }
    report.put("error", reason);
    JobReports.store(execution, report);
    return true;
  }

  /** Why an execution failed, in words an operator can act on. */
  public static String reason(JobExecution execution) {
    List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
    for (StepExecution step : execution.getStepExecutions()) {
      failures.addAll(step.getFailureExceptions());
    }
    return reason(failures, execution.getId());
  }

  private static String reason(List<Throwable> failures, long executionId) {
    for (Throwable failure : failures) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof OperatorFacingFailure) {
          return cause.getMessage();
        }
        if (cause instanceof SkipLimitExceededException) {
          return "More items were invalid than the skip limit allows; the results so far are kept";
        }
      }
    }
    return "The job failed; the server log of execution " + executionId + " has the details";
  }
}
