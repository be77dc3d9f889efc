package dev.flowlet.api.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.problems.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransactionAcceptanceTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final TransactionRecording.AccountRef EURO_ACCOUNT =
      new TransactionRecording.AccountRef(UUID.randomUUID(), UUID.randomUUID(), "EUR", "ACTIVE");

  @Test
  void acceptsAnOrdinaryTransfer() {
    assertThat(TransactionAcceptance.check(transfer("125.40", "EUR", NOW), EURO_ACCOUNT, NOW))
        .isEmpty();
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHasButAcceptsTrailingZeros() {
    assertThat(TransactionAcceptance.check(transfer("12.345", "EUR", NOW), EURO_ACCOUNT, NOW))
        .containsExactly(new FieldError("amount", "has more decimals than EUR allows"));
    assertThat(TransactionAcceptance.check(transfer("12.3400", "EUR", NOW), EURO_ACCOUNT, NOW))
        .isEmpty();
  }

  @Test
  void scalesTheAmountToTheCurrencysMinorUnits() {
    assertThat(TransactionAcceptance.amountOf(transfer("125.4", "EUR", NOW)))
        .isEqualTo(new BigDecimal("125.40"));
    assertThat(TransactionAcceptance.amountOf(transfer("500", "JPY", NOW)))
        .isEqualTo(new BigDecimal("500"));
  }

  @Test
  void refusesZeroAnUnknownCurrencyAndAnotherCurrencyThanTheAccounts() {
    assertThat(TransactionAcceptance.check(transfer("0.00", "EUR", NOW), EURO_ACCOUNT, NOW))
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(TransactionAcceptance.check(transfer("1.00", "XYZ", NOW), EURO_ACCOUNT, NOW))
        .extracting(FieldError::field)
        .containsExactly("currency");
    assertThat(TransactionAcceptance.check(transfer("1.00", "USD", NOW), EURO_ACCOUNT, NOW))
        .containsExactly(new FieldError("currency", "must be the account's currency"));
  }

  @Test
  void acceptsClockSkewOfFiveMinutesButNotMore() {
    Instant edge = NOW.plus(TransactionAcceptance.CLOCK_SKEW);

    assertThat(TransactionAcceptance.check(transfer("1.00", "EUR", edge), EURO_ACCOUNT, NOW))
        .isEmpty();
    assertThat(
            TransactionAcceptance.check(
                transfer("1.00", "EUR", edge.plusMillis(1)), EURO_ACCOUNT, NOW))
        .containsExactly(new FieldError("occurredAt", "must not be in the future"));
  }

  @Test
  void acceptsHistoryUpToTwoYearsBack() {
    Instant oldest = NOW.minus(TransactionAcceptance.OLDEST_ACCEPTED);

    assertThat(TransactionAcceptance.check(transfer("1.00", "EUR", oldest), EURO_ACCOUNT, NOW))
        .isEmpty();
    assertThat(
            TransactionAcceptance.check(
                transfer("1.00", "EUR", oldest.minus(Duration.ofSeconds(1))), EURO_ACCOUNT, NOW))
        .extracting(FieldError::field)
        .containsExactly("occurredAt");
  }

  @Test
  void refusesMovementsOnAnAccountThatIsNotActive() {
    var frozen =
        new TransactionRecording.AccountRef(UUID.randomUUID(), UUID.randomUUID(), "EUR", "FROZEN");

    assertThat(TransactionAcceptance.check(transfer("1.00", "EUR", NOW), frozen, NOW))
        .containsExactly(new FieldError("accountId", "the account is not active"));
  }

  private static RecordTransaction transfer(String amount, String currency, Instant occurredAt) {
    return new RecordTransaction(
        EURO_ACCOUNT.id(),
        TransactionType.TRANSFER,
        amount,
        currency,
        occurredAt,
        new RecordTransaction.Counterparty("ACME Ltd", "DE"),
        new RecordTransaction.Channel("DE", "device-1"));
  }
}
