package dev.flowlet.batch.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything still unmatched that has one currency and one signed amount: statement lines by value
 * date, ledger rows by date. Matching without a transaction id happens only inside such a group, so
 * a group is the unit of work (and of restart) of the amount-match step.
 *
 * @param currency ISO 4217
 * @param amount signed amount shared by every member
 * @param lines statement lines, ordered by value date then line number
 * @param ledger ledger rows, ordered by date then id
 */
record AmountGroup(
    String currency, BigDecimal amount, List<StatementEntry> lines, List<LedgerEntry> ledger) {

  /**
   * @param lineNumber where the line starts in the file
   * @param statementRef the bank's reference
   * @param valueDate its value date
   * @param counterparty the other party as the bank names it
   */
  record StatementEntry(
      long lineNumber,
      @Nullable String statementRef,
      LocalDate valueDate,
      @Nullable String counterparty) {}

  /**
   * @param id the ledger transaction
   * @param day its date in the reconciliation zone
   * @param counterparty the other party as the ledger names it
   */
  record LedgerEntry(UUID id, LocalDate day, @Nullable String counterparty) {}
}
