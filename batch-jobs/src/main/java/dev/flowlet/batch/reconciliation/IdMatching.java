package dev.flowlet.batch.reconciliation;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciles the lines that name a ledger transaction: MATCHED when the account's transaction has
 * the same signed amount and currency, AMOUNT_MISMATCH when it differs, MISSING_IN_LEDGER when the
 * account has no transaction with that id. One set-based statement in one transaction (a restart
 * runs it again); duplicates were already set aside, so no ledger row is claimed twice.
 */
class IdMatching implements Tasklet {

  private final JdbcClient jdbc;
  private final String zone;

  IdMatching(JdbcClient jdbc, String zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var stepExecution = contribution.getStepExecution();
    int results =
        jdbc.sql(
                """
                insert into batch.reconciliation_results
                  (instance_id, category, line_no, statement_ref, value_date, statement_amount,
                   currency, counterparty, transaction_id, ledger_id, ledger_date, ledger_amount,
                   ledger_currency, ledger_counterparty, reason)
                select l.instance_id,
                       case when t.id is null then 'MISSING_IN_LEDGER'
                            when t.currency = l.currency and t.signed = l.amount then 'MATCHED'
                            else 'AMOUNT_MISMATCH' end,
                       l.line_no, l.statement_ref, l.value_date, l.amount, l.currency,
                       l.counterparty, l.transaction_id, t.id, t.day, t.signed, t.currency,
                       t.counterparty_name,
                       case when t.id is null
                              then 'the account has no ledger transaction with this transaction_id'
                            when t.currency = l.currency and t.signed = l.amount then null
                            else 'the ledger has ' || trim_scale(t.signed) || ' ' || t.currency
                       end
                  from batch.reconciliation_lines l
                  left join (select t.id, t.currency, t.counterparty_name,
                                    %s as signed, %s as day
                               from transactions t
                              where %s) t
                    on t.id = l.transaction_id
                 where l.instance_id = :instance
                   and l.transaction_id is not null
                   and not exists (select 1 from batch.reconciliation_results r
                                    where r.instance_id = :instance and r.line_no = l.line_no)
                """
                    .formatted(LedgerRows.SIGNED_AMOUNT, LedgerRows.DAY, LedgerRows.OF_ACCOUNT))
            .param("instance", stepExecution.getJobExecution().getJobInstanceId())
            .param(
                "account",
                java.util.UUID.fromString(stepExecution.getJobParameters().getString("accountId")))
            .param("zone", zone)
            .update();
    contribution.incrementWriteCount(results);
    // The amount-match step anti-joins against these results; plan it with their real size.
    jdbc.sql("analyze batch.reconciliation_results").update();
    return RepeatStatus.FINISHED;
  }
}
