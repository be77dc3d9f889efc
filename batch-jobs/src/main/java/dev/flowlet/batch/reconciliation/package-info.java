/**
 * {@code reconciliationJob}: matches a bank or settlement statement (CSV) against one account's
 * ledger and reports every line and ledger row as MATCHED or as a break, with a breaks report,
 * alerts and metrics.
 *
 * <p>Steps: {@code statementLoadStep} streams the file into {@code batch.reconciliation_lines}
 * (chunks, restartable; bad lines are skipped into the results as INVALID_LINE); {@code
 * statementCheckStep} marks duplicates and fixes the period; {@code idMatchStep} matches lines that
 * name a ledger transaction; {@code amountMatchStep} matches the rest by currency, amount and date
 * within the tolerance, one group of equal amounts per item (chunks, restartable); {@code
 * breaksReportStep} stores the summary, raises alerts and counts breaks.
 */
package dev.flowlet.batch.reconciliation;
