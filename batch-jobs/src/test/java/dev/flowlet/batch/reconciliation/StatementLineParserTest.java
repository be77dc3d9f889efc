package dev.flowlet.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementLineParserTest {

  private static final String[] HEADER = {
    "statement_ref",
    "value_date",
    "amount",
    "currency",
    "counterparty",
    "transaction_id",
    "description"
  };
  private final StatementLineParser parser =
      new StatementLineParser(
          StatementColumns.of(HEADER, StatementFormat.standard()), StatementFormat.standard());

  @Test
  void readsADebitAsANegativeAmountAndKeepsQuotedCommas() {
    UUID id = UUID.randomUUID();

    StatementLine line =
        parser.parse(
            raw(7, "R1", "2026-03-04", "-12.50", "EUR", " Coffee, Bar & Co ", id.toString(), "x"));

    assertThat(line.lineNumber()).isEqualTo(7);
    assertThat(line.statementRef()).isEqualTo("R1");
    assertThat(line.valueDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(line.amount()).isEqualByComparingTo(new BigDecimal("-12.5"));
    assertThat(line.counterparty()).isEqualTo("Coffee, Bar & Co");
    assertThat(line.transactionId()).isEqualTo(id);
  }

  @Test
  void treatsEmptyOptionalFieldsAsAbsent() {
    StatementLine line = parser.parse(raw(2, "", "2026-03-04", "5", "EUR", "", "", ""));

    assertThat(line.statementRef()).isNull();
    assertThat(line.counterparty()).isNull();
    assertThat(line.transactionId()).isNull();
  }

  @Test
  void refusesImpossibleDates() {
    assertInvalid(raw(3, "R", "2026-02-30", "1.00", "EUR", "", "", ""), "value date '2026-02-30'");
    assertInvalid(
        raw(3, "R", "03/04/2026", "1.00", "EUR", "", "", ""), "is not a date of the form");
  }

  @Test
  void refusesAmountsThatAreNotPlainDecimals() {
    for (String amount : new String[] {"12,50", "1,234.00", "+5.00", "1.23456", "abc", "", "- 5"}) {
      assertInvalid(raw(4, "R", "2026-03-01", amount, "EUR", "", "", ""), "is not a decimal");
    }
    assertInvalid(raw(4, "R", "2026-03-01", "0.00", "EUR", "", "", ""), "amount is zero");
  }

  @Test
  void refusesBadCurrenciesTransactionIdsAndFieldCounts() {
    assertInvalid(raw(5, "R", "2026-03-01", "1", "eur", "", "", ""), "currency 'eur'");
    assertInvalid(raw(5, "R", "2026-03-01", "1", "EUR", "", "not-a-uuid", ""), "transaction_id");
    assertInvalid(raw(5, "R", "2026-03-01", "1", "EUR"), "expected 7 fields, found 4");
    assertInvalid(RawStatementLine.malformed(9, "unclosed quote"), "unclosed quote");
  }

  @Test
  void findsColumnsOfAnotherLayoutByTheConfiguredNames() {
    StatementFormat bank =
        new StatementFormat(
            ';', "dd.MM.uuuu", "Ref", "Valuta", "Betrag", "Waehrung", "Partner", "TxId", "Text");
    StatementLineParser german =
        new StatementLineParser(
            StatementColumns.of(new String[] {"Valuta", "Betrag", "Waehrung", "Ref"}, bank), bank);

    StatementLine line = german.parse(raw(2, "01.03.2026", "-3.10", "EUR", "B7"));

    assertThat(line.valueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(line.statementRef()).isEqualTo("B7");
    assertThat(line.counterparty()).isNull();
  }

  @Test
  void refusesAHeaderWithoutTheRequiredColumns() {
    assertThatThrownBy(
            () -> StatementColumns.of(new String[] {"ref", "amount"}, StatementFormat.standard()))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageContaining("value_date")
        .hasMessageContaining("currency");
  }

  private void assertInvalid(RawStatementLine raw, String reason) {
    assertThatThrownBy(() -> parser.parse(raw))
        .isInstanceOfSatisfying(
            InvalidStatementLine.class,
            invalid -> {
              assertThat(invalid.lineNumber()).isEqualTo(raw.lineNumber());
              assertThat(invalid.reason()).contains(reason);
            });
  }

  private static RawStatementLine raw(long line, String... fields) {
    return new RawStatementLine(line, fields, null);
  }
}
