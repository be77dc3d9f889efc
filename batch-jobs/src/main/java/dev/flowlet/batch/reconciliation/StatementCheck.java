package dev.flowlet.batch.reconciliation;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After loading: marks every line that repeats an earlier line's statement_ref or transaction_id as
 * DUPLICATE_IN_STATEMENT (the first one is reconciled), and fixes the period: the request's {@code
 * from}/{@code to}, or else the statement's first and last value dates. One transaction, so a
 * restart runs it again from scratch.
 */
class StatementCheck implements Tasklet {

  static final String FROM = "reconciliation.from";
  static final String TO = "reconciliation.to";

  private final JdbcClient jdbc;

  StatementCheck(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var stepExecution = contribution.getStepExecution();
    long instance = stepExecution.getJobExecution().getJobInstanceId();
    // Fresh statistics: the load step has just added up to millions of rows, and autovacuum's
    // analyze may come too late for the plans of this run's set-based steps.
    jdbc.sql("analyze batch.reconciliation_lines").update();
    int duplicates =
        jdbc.sql(
                """
                insert into batch.reconciliation_results
                  (instance_id, category, line_no, statement_ref, value_date, statement_amount,
                   currency, counterparty, transaction_id, reason)
                select :instance, 'DUPLICATE_IN_STATEMENT', d.line_no, d.statement_ref,
                       d.value_date, d.amount, d.currency, d.counterparty, d.transaction_id,
                       case when d.first_ref < d.line_no
                            then 'repeats the statement_ref of line ' || d.first_ref
                            else 'repeats the transaction_id of line ' || d.first_tx end
                  from (select l.*,
                               case when l.statement_ref is not null then
                                 min(l.line_no) over (partition by l.statement_ref) end as first_ref,
                               case when l.transaction_id is not null then
                                 min(l.line_no) over (partition by l.transaction_id) end as first_tx
                          from batch.reconciliation_lines l
                         where l.instance_id = :instance) d
                 where d.first_ref < d.line_no or d.first_tx < d.line_no
                """)
            .param("instance", instance)
            .update();
    contribution.incrementWriteCount(duplicates);

    var parameters = stepExecution.getJobParameters();
    Map<String, Object> range =
        jdbc.sql(
                """
                select min(value_date) as first, max(value_date) as last
                  from batch.reconciliation_lines where instance_id = :instance
                """)
            .param("instance", instance)
            .query()
            .singleRow();
    LocalDate from = date(parameters.getString("from"), range.get("first"));
    LocalDate to = date(parameters.getString("to"), range.get("last"));
    ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
    if (from != null && to != null) {
      job.putString(FROM, from.toString());
      job.putString(TO, to.toString());
    } else {
      job.remove(FROM);
      job.remove(TO);
    }
    return RepeatStatus.FINISHED;
  }

  private static LocalDate date(String requested, Object fromStatement) {
    if (requested != null) {
      return LocalDate.parse(requested);
    }
    return fromStatement == null ? null : ((java.sql.Date) fromStatement).toLocalDate();
  }
}
