package dev.flowlet.batch.jobs;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts why a failed execution failed into its report ({@code error}), in words an operator can act
 * on, and clears it when the run is restarted. Every job registers this listener.
 */
@Component
public class FailureReports implements JobExecutionListener {

  private final JobRepository repository;

  FailureReports(JobRepository repository) {
    this.repository = repository;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    JsonNode report = JobReports.read(execution);
    if (report != null && report.has("error")) {
      execution.getExecutionContext().remove(JobReports.KEY);
    }
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() != BatchStatus.FAILED) {
      return;
    }
    JsonNode existing = JobReports.read(execution);
    ObjectNode report =
        existing instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    if (!report.has("error")) {
      report.put("error", reason(execution));
    }
    JobReports.store(execution, report);
    repository.updateExecutionContext(execution);
  }

  /** Why an execution failed, in words an operator can act on. */
  public static String reason(JobExecution execution) {
    List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
    for (StepExecution step : execution.getStepExecutions()) {
      failures.addAll(step.getFailureExceptions());
    }
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
    return "The job failed; the server log of execution " + execution.getId() + " has the details";
  }
}
