package dev.flowlet.batch.reconciliation;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a finished reconciliation run reports, stored with its job execution.
 *
 * @param accountId the ledger account reconciled
 * @param file the statement file
 * @param sha256 the statement's SHA-256
 * @param from first day of the period (null when the statement had no valid line)
 * @param to last day of the period
 * @param summary count per category (every category, zero included), statement lines and ledger
 *     rows together; a matched pair counts once
 * @param totals per category: count and the sums of statement and ledger amounts
 * @param breaks results that are not MATCHED
 * @param breaksReport where the breaks report (CSV) is served
 */
record ReconciliationReport(
    String accountId,
    String file,
    String sha256,
    @Nullable String from,
    @Nullable String to,
    Map<String, Long> summary,
    Map<String, Totals> totals,
    long breaks,
    String breaksReport) {

  /**
   * @param count results in the category
   * @param statementAmount sum of their statement amounts, as a decimal string
   * @param ledgerAmount sum of their ledger amounts, as a decimal string
   */
  record Totals(long count, String statementAmount, String ledgerAmount) {}
}
