package dev.flowlet.batch.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a raw record into a {@link StatementLine}, or says precisely why it is not one. Amounts are
 * decimals with a {@code .}, at most four decimals (the ledger's scale), a leading {@code -} for
 * debits and no grouping; zero is not a movement.
 */
final class StatementLineParser {

  private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,16}(\\.\\d{1,4})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int ECHO_LIMIT = 40;

  private final StatementColumns columns;
  private final DateTimeFormatter dates;
  private final String datePattern;

  StatementLineParser(StatementColumns columns, StatementFormat format) {
    this.columns = columns;
    this.dates = format.dates();
    this.datePattern = format.datePattern();
  }

  /**
   * @throws InvalidStatementLine with the line number and the first thing wrong with it
   */
  StatementLine parse(RawStatementLine raw) {
    long line = raw.lineNumber();
    String[] fields = raw.fields();
    if (fields == null) {
      throw new InvalidStatementLine(line, raw.malformation());
    }
    if (fields.length != columns.width()) {
      throw new InvalidStatementLine(
          line, "expected " + columns.width() + " fields, found " + fields.length);
    }
    LocalDate valueDate = date(line, field(fields, columns.valueDate()));
    BigDecimal amount = amount(line, field(fields, columns.amount()));
    String currency = field(fields, columns.currency());
    if (!CURRENCY.matcher(currency).matches()) {
      throw new InvalidStatementLine(
          line, "currency " + echo(currency) + " is not an ISO 4217 code such as EUR");
    }
    return new StatementLine(
        line,
        emptyToNull(field(fields, columns.statementRef())),
        valueDate,
        amount,
        currency,
        emptyToNull(field(fields, columns.counterparty())),
        transactionId(line, field(fields, columns.transactionId())));
  }

  private LocalDate date(long line, String value) {
    try {
      return LocalDate.parse(value, dates);
    } catch (DateTimeParseException e) {
      throw new InvalidStatementLine(
          line, "value date " + echo(value) + " is not a date of the form " + datePattern);
    }
  }

  private static BigDecimal amount(long line, String value) {
    if (!AMOUNT.matcher(value).matches()) {
      throw new InvalidStatementLine(
          line,
          "amount "
              + echo(value)
              + " is not a decimal such as -12.50 (a '.', at most 4 decimals, '-' for debits)");
    }
    BigDecimal amount = new BigDecimal(value);
    if (amount.signum() == 0) {
      throw new InvalidStatementLine(line, "amount is zero");
    }
    return amount;
  }

  private static UUID transactionId(long line, String value) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      UUID id = UUID.fromString(value);
      if (!id.toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("not canonical");
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw new InvalidStatementLine(
          line, "transaction_id " + echo(value) + " is not a ledger transaction id (a UUID)");
    }
  }

  private static String field(String[] fields, int index) {
    return StatementColumns.field(fields, index).strip();
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /** The offending value, quoted and cut short, so the reason stays readable. */
  private static String echo(String value) {
    String shown = value.length() > ECHO_LIMIT ? value.substring(0, ECHO_LIMIT) + "..." : value;
    return "'" + shown + "'";
  }
}
