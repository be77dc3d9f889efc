package dev.flowlet.batch.gdpr;

import dev.flowlet.batch.jobs.FailureReports;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a request's status in step with its job: RUNNING with the execution and instance when a run
 * (or a restart) begins, COMPLETED or FAILED when it ends. The failure text is the operator-facing
 * reason of {@link FailureReports}, never an exception message (which may quote personal data).
 * {@link RequestOutcomeRegistration} attaches it to both GDPR jobs; a job need not list it.
 */
@Component
public class RequestOutcome implements JobExecutionListener {

  private final JdbcClient jdbc;
  private final GdprSettings settings;

  RequestOutcome(JdbcClient jdbc, GdprSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    jdbc.sql(
            """
            update data_subject_requests
               set status = 'RUNNING', started_at = coalesce(started_at, now()), handled_by = ?,
                   job_execution_id = ?, failure = null, completed_at = null, updated_at = now()
             where id = ?
            """)
        .params(settings.instanceId(), execution.getId(), requestId(execution))
        .update();
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      jdbc.sql(
              """
              update data_subject_requests
                 set status = 'COMPLETED', completed_at = now(), failure = null,
                     updated_at = now()
               where id = ?
              """)
          .param(requestId(execution))
          .update();
    } else if (execution.getStatus().isUnsuccessful()
        || execution.getStatus() == BatchStatus.STOPPED) {
      jdbc.sql(
              """
              update data_subject_requests
                 set status = 'FAILED', failure = ?, updated_at = now()
               where id = ?
              """)
          .params(FailureReports.reason(execution), requestId(execution))
          .update();
    }
  }

  private static UUID requestId(JobExecution execution) {
    return UUID.fromString(execution.getJobParameters().getString(GdprJobs.REQUEST_ID));
  }
}
