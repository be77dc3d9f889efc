package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.reconciliation.AmountGroup.LedgerEntry;
import dev.flowlet.batch.reconciliation.AmountGroup.StatementEntry;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One result of the amount-match step: a matched pair, a line alone (MISSING_IN_LEDGER) or a ledger
 * row alone (MISSING_IN_STATEMENT).
 *
 * @param category what was found
 * @param currency the group's currency
 * @param amount the group's signed amount
 * @param line the statement line, if any
 * @param ledger the ledger row, if any
 * @param reason why it is a break, null for MATCHED
 */
record MatchResult(
    ResultCategory category,
    String currency,
    BigDecimal amount,
    @Nullable StatementEntry line,
    @Nullable LedgerEntry ledger,
    @Nullable String reason) {}
