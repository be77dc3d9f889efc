package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.alerts.AlertPublisher;
import dev.flowlet.batch.jobs.JobReports;
import dev.flowlet.events.Alert;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last step: sums the results per category into the run's report (stored with the job
 * execution), raises one alert per break category (ids fixed per run and category, so a restart
 * repeats rather than adds them), counts the breaks in the metrics, and deletes the lines and
 * results of runs older than the retention.
 */
class BreaksReport implements Tasklet {

  private final JdbcClient jdbc;
  private final AlertPublisher alerts;
  private final ReconciliationMetrics metrics;
  private final Duration retention;

  BreaksReport(
      JdbcClient jdbc, AlertPublisher alerts, ReconciliationMetrics metrics, Duration retention) {
    this.jdbc = jdbc;
    this.alerts = alerts;
    this.metrics = metrics;
    this.retention = retention;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    JobExecution job = contribution.getStepExecution().getJobExecution();
    long instance = job.getJobInstanceId();
    Map<ResultCategory, Long> counts = new EnumMap<>(ResultCategory.class);
    Map<String, ReconciliationReport.Totals> totals = new LinkedHashMap<>();
    for (ResultCategory category : ResultCategory.values()) {
      counts.put(category, 0L);
      totals.put(category.name(), new ReconciliationReport.Totals(0, "0", "0"));
    }
    jdbc.sql(
            """
            select category, count(*) as results,
                   coalesce(sum(statement_amount), 0) as statement_total,
                   coalesce(sum(ledger_amount), 0) as ledger_total
              from batch.reconciliation_results where instance_id = ? group by category
            """)
        .param(instance)
        .query(
            rs -> {
              ResultCategory category = ResultCategory.valueOf(rs.getString("category"));
              counts.put(category, rs.getLong("results"));
              totals.put(
                  category.name(),
                  new ReconciliationReport.Totals(
                      rs.getLong("results"),
                      plain(rs.getBigDecimal("statement_total")),
                      plain(rs.getBigDecimal("ledger_total"))));
            });
    Map<String, Long> summary = new LinkedHashMap<>();
    counts.forEach((category, count) -> summary.put(category.name(), count));
    long breaks =
        counts.entrySet().stream()
            .filter(entry -> entry.getKey().isBreak())
            .mapToLong(Map.Entry::getValue)
            .sum();
    var parameters = job.getJobParameters();
    ExecutionContext context = job.getExecutionContext();
    String accountId = parameters.getString("accountId");
    JobReports.store(
        job,
        new ReconciliationReport(
            accountId,
            parameters.getString("file"),
            parameters.getString("sha256"),
            context.getString(StatementCheck.FROM, null),
            context.getString(StatementCheck.TO, null),
            summary,
            totals,
            breaks,
            "/api/v1/jobs/executions/" + job.getId() + "/breaks"));
    counts.forEach(
        (category, count) -> {
          if (category.isBreak() && count > 0) {
            alerts.raise(
                "reconciliation-" + instance + "-" + category.name(),
                "reconciliation." + category.name(),
                severity(category),
                count
                    + " reconciliation result(s) "
                    + category.name()
                    + " for account "
                    + accountId
                    + "; breaks report: /api/v1/jobs/executions/"
                    + job.getId()
                    + "/breaks",
                accountId);
          }
        });
    metrics.countBreaks(counts);
    purgeOldRuns();
    return RepeatStatus.FINISHED;
  }

  private void purgeOldRuns() {
    LocalDateTime cutoff =
        LocalDateTime.ofInstant(Instant.now().minus(retention), ZoneId.systemDefault());
    String oldRuns =
        """
        select e.job_instance_id from batch.batch_job_execution e
          join batch.batch_job_instance i on i.job_instance_id = e.job_instance_id
         where i.job_name = 'reconciliationJob'
         group by e.job_instance_id
        having bool_and(e.end_time is not null) and max(e.end_time) < ?
        """;
    jdbc.sql("delete from batch.reconciliation_results where instance_id in (" + oldRuns + ")")
        .param(cutoff)
        .update();
    jdbc.sql("delete from batch.reconciliation_lines where instance_id in (" + oldRuns + ")")
        .param(cutoff)
        .update();
  }

  private static Alert.Severity severity(ResultCategory category) {
    return switch (category) {
      case MISSING_IN_LEDGER, MISSING_IN_STATEMENT, AMOUNT_MISMATCH -> Alert.Severity.HIGH;
      case DUPLICATE_IN_STATEMENT -> Alert.Severity.MEDIUM;
      case INVALID_LINE, MATCHED -> Alert.Severity.LOW;
    };
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }
}
