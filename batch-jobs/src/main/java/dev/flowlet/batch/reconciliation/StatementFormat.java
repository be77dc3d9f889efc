package dev.flowlet.batch.reconciliation;

import jakarta.validation.constraints.NotBlank;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statement's CSV layout: the header names of the columns (so that another bank's layout is a
 * configuration change), the separator and the date pattern. Amounts are always decimals with a
 * {@code .} and a leading {@code -} for debits.
 *
 * @param separator the field separator
 * @param datePattern the value date's pattern ({@code uuuu-MM-dd}), resolved strictly
 * @param statementRef the column of the bank's reference of a line
 * @param valueDate the value date's column (required)
 * @param amount the signed amount's column (required)
 * @param currency the ISO 4217 code's column (required)
 * @param counterparty the counterparty's column
 * @param transactionId the column of the ledger transaction id, when the bank echoes it
 * @param description the free-text column (not stored)
 */
record StatementFormat(
    @DefaultValue(",") char separator,
    @DefaultValue("uuuu-MM-dd") @NotBlank String datePattern,
    @DefaultValue("statement_ref") @NotBlank String statementRef,
    @DefaultValue("value_date") @NotBlank String valueDate,
    @DefaultValue("amount") @NotBlank String amount,
    @DefaultValue("currency") @NotBlank String currency,
    @DefaultValue("counterparty") @NotBlank String counterparty,
    @DefaultValue("transaction_id") @NotBlank String transactionId,
    @DefaultValue("description") @NotBlank String description) {

  /** The default layout of the issue: {@code statement_ref,value_date,amount,...}. */
  static StatementFormat standard() {
    return new StatementFormat(
        ',',
        "uuuu-MM-dd",
        "statement_ref",
        "value_date",
        "amount",
        "currency",
        "counterparty",
        "transaction_id",
        "description");
  }

  DateTimeFormatter dates() {
    return DateTimeFormatter.ofPattern(datePattern).withResolverStyle(ResolverStyle.STRICT);
  }
}
