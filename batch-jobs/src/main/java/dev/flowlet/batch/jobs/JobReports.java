package dev.flowlet.batch.jobs;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's report, kept as JSON text in its job execution context (so it is stored with the
 * execution in the job repository, whatever the context serializer) and answered as the {@code
 * report} object of {@code GET /api/v1/jobs/executions/{id}}.
 */
public final class JobReports {

  /** The execution-context key of the report. */
  public static final String KEY = "flowlet.report";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JobReports() {}

  /** Replaces the report of an execution; the repository saves it with the execution. */
  public static void store(JobExecution execution, Object report) {
    execution.getExecutionContext().putString(KEY, JSON.writeValueAsString(report));
  }

  /** The report, or null when the job has not written one. */
  public static @Nullable JsonNode read(JobExecution execution) {
    if (!execution.getExecutionContext().containsKey(KEY)) {
      return null;
    }
    return JSON.readTree(execution.getExecutionContext().getString(KEY));
  }
}
