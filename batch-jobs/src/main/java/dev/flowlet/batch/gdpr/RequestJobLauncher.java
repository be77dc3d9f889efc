package dev.flowlet.batch.gdpr;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts the job of a claimed request, or resumes its failed execution: with the same identifying
 * parameters Spring Batch continues after the last completed step instead of starting over.
 */
@Component
class RequestJobLauncher {

  private static final Logger log = LoggerFactory.getLogger(RequestJobLauncher.class);

  private final JdbcClient jdbc;
  private final JobOperator operator;
  private final Map<String, Job> jobs;

  RequestJobLauncher(JdbcClient jdbc, JobOperator operator, List<Job> jobs) {
    this.jdbc = jdbc;
    this.operator = operator;
    this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
  }

  /**
   * Starts the request's job; with the same identifying parameters Spring Batch resumes a failed
   * instance after its last completed step instead of starting over.
   */
  void launch(Claimed request, JobExecution previous) {
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

  /** The request types whose job runs in this app (the erasure job may not be deployed yet). */
  List<String> servedTypes() {
    return GdprJobs.BY_REQUEST_TYPE.entrySet().stream()
        .filter(entry -> jobs.containsKey(entry.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** A request to run: its id, subject and type ({@code EXPORT} or {@code ERASURE}). */
  record Claimed(UUID id, UUID subjectId, String type) {}
}
