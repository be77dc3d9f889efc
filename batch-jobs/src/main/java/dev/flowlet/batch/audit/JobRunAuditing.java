package dev.flowlet.batch.audit;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditLogRows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits every job run: {@code job.started}, then {@code job.completed} or {@code job.failed}, in
 * chain {@code batch}, by whoever launched it (the API caller, whose name {@link
 * dev.flowlet.batch.jobs.JobLaunching} passes as the {@code launchedBy} parameter, or {@code
 * scheduler}). Written as the API writes its audit trail: an {@code audit_logs} row and an {@code
 * outbox} row in one PostgreSQL transaction, which the API's outbox relay publishes, so none is
 * lost while Kafka is down.
 */
@Component
class JobRunAuditing implements JobExecutionListener {

  /** The chain of every event the batch jobs write. */
  static final String BATCH_CHAIN = "batch";

  /** The job parameters that name who launched a run and in which role. */
  static final String LAUNCHED_BY = "launchedBy";

  static final String LAUNCHED_AS = "launchedAs";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  JobRunAuditing(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    record(execution, "job.started", "SUCCESS");
  }

  @Override
  public void afterJob(JobExecution execution) {
    boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
    record(
        execution, completed ? "job.completed" : "job.failed", completed ? "SUCCESS" : "FAILURE");
  }

  private void record(JobExecution execution, String action, String outcome) {
    String launchedBy = execution.getJobParameters().getString(LAUNCHED_BY);
    String launchedAs = execution.getJobParameters().getString(LAUNCHED_AS);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("job", execution.getJobInstance().getJobName());
    details.put("status", execution.getStatus().name());
    if (execution.getExitStatus() != null && !action.equals("job.started")) {
      details.put("exitStatus", execution.getExitStatus().getExitCode());
    }
    Instant now = clock.instant();
    AuditEvent event =
        new AuditEvent(
            AuditEvent.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            BATCH_CHAIN,
            now,
            launchedBy == null ? "scheduler" : launchedBy,
            launchedBy == null ? "SYSTEM" : launchedAs,
            action,
            "job-execution",
            String.valueOf(execution.getId()),
            null,
            outcome,
            null,
            null,
            details);
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql(AuditLogRows.INSERT).params(AuditLogRows.parameters(event)).update();
          jdbc.sql("insert into outbox (topic, message_key, payload) values (?, ?, ?)")
              .params(
                  Topics.AUDIT.name(),
                  event.chainId(),
                  new String(
                      Topics.AUDIT.valueSerde().serializer().serialize(Topics.AUDIT.name(), event),
                      StandardCharsets.UTF_8))
              .update();
        });
  }
}
