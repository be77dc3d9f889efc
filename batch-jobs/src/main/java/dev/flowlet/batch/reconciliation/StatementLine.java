package dev.flowlet.batch.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A valid statement line.
 *
 * @param lineNumber where it starts in the file
 * @param statementRef the bank's reference, if any
 * @param valueDate its value date
 * @param amount signed: money into the account positive, out negative
 * @param currency ISO 4217
 * @param counterparty the other party as the bank names it, if any
 * @param transactionId the ledger transaction it reports, when the bank echoes the id
 */
record StatementLine(
    long lineNumber,
    @Nullable String statementRef,
    LocalDate valueDate,
    BigDecimal amount,
    String currency,
    @Nullable String counterparty,
    @Nullable UUID transactionId) {}
