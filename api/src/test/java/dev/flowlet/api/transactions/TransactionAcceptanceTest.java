package dev.flowlet.api.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.problems.FieldError;
import dev.flowlet.api.transactions.TransactionAcceptance.AccountRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransactionAcceptanceTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final AccountRef EURO_ACCOUNT = account("EUR", "ACTIVE", "1000.00", "0.00");
  private static final AccountRef OTHER_EURO_ACCOUNT = account("EUR", "ACTIVE", "0.00", "0.00");

  @Test
  void acceptsAnOrdinaryTransfer() {
    assertThat(
            TransactionAcceptance.check(transfer("125.40", "EUR", NOW), EURO_ACCOUNT, TARGET, NOW))
        .isEmpty();
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHasButAcceptsTrailingZeros() {
    assertThat(
            TransactionAcceptance.check(transfer("12.345", "EUR", NOW), EURO_ACCOUNT, TARGET, NOW))
        .containsExactly(new FieldError("amount", "has more decimals than EUR allows"));
    assertThat(
            TransactionAcceptance.check(transfer("12.3400", "EUR", NOW), EURO_ACCOUNT, TARGET, NOW))
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
    assertThat(TransactionAcceptance.check(transfer("0.00", "EUR", NOW), EURO_ACCOUNT, TARGET, NOW))
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(TransactionAcceptance.check(transfer("1.00", "XYZ", NOW), EURO_ACCOUNT, TARGET, NOW))
        .extracting(FieldError::field)
        .containsExactly("currency");
    assertThat(TransactionAcceptance.check(transfer("1.00", "USD", NOW), EURO_ACCOUNT, TARGET, NOW))
        .containsExactly(new FieldError("currency", "must be the account's currency"));
  }

  @Test
  void acceptsClockSkewOfFiveMinutesButNotMore() {
    Instant edge = NOW.plus(TransactionAcceptance.CLOCK_SKEW);

    assertThat(
            TransactionAcceptance.check(transfer("1.00", "EUR", edge), EURO_ACCOUNT, TARGET, NOW))
        .isEmpty();
    assertThat(
            TransactionAcceptance.check(
                transfer("1.00", "EUR", edge.plusMillis(1)), EURO_ACCOUNT, TARGET, NOW))
        .containsExactly(new FieldError("occurredAt", "must not be in the future"));
  }

  @Test
  void acceptsHistoryUpToTwoYearsBack() {
    Instant oldest = NOW.minus(TransactionAcceptance.OLDEST_ACCEPTED);

    assertThat(
            TransactionAcceptance.check(transfer("1.00", "EUR", oldest), EURO_ACCOUNT, TARGET, NOW))
        .isEmpty();
    assertThat(
            TransactionAcceptance.check(
                transfer("1.00", "EUR", oldest.minus(Duration.ofSeconds(1))),
                EURO_ACCOUNT,
                TARGET,
                NOW))
        .extracting(FieldError::field)
        .containsExactly("occurredAt");
  }

  @Test
  void refusesMovementsOnAnAccountThatIsNotActive() {
    var frozen = account("EUR", "FROZEN", "1000.00", "0.00");

    assertThat(TransactionAcceptance.check(transfer("1.00", "EUR", NOW), frozen, TARGET, NOW))
        .containsExactly(new FieldError("accountId", "the account is not active"));
  }

  @Test
  void refusesADebitBeyondTheBalanceUnlessTheOverdraftCoversIt() {
    assertThat(
            TransactionAcceptance.check(transfer("1000.00", "EUR", NOW), EURO_ACCOUNT, TARGET, NOW))
        .isEmpty();
    assertThat(
            TransactionAcceptance.check(transfer("1000.01", "EUR", NOW), EURO_ACCOUNT, TARGET, NOW))
        .containsExactly(new FieldError("amount", "exceeds the available balance of the account"));
    var overdrawn = account("EUR", "ACTIVE", "-400.00", "500.00");
    assertThat(TransactionAcceptance.check(transfer("100.00", "EUR", NOW), overdrawn, TARGET, NOW))
        .isEmpty();
    assertThat(TransactionAcceptance.check(transfer("100.01", "EUR", NOW), overdrawn, TARGET, NOW))
        .extracting(FieldError::field)
        .containsExactly("amount");
  }

  @Test
  void creditsNeedNoFunds() {
    var empty = account("EUR", "ACTIVE", "0.00", "0.00");
    RecordTransaction deposit =
        new RecordTransaction(
            empty.id(),
            TransactionType.DEPOSIT,
            "5000.00",
            "EUR",
            NOW,
            new RecordTransaction.Counterparty("Cash desk", "DE"),
            new RecordTransaction.Channel("DE", "branch-1"));

    assertThat(TransactionAcceptance.check(deposit, empty, Optional.empty(), NOW)).isEmpty();
  }

  @Test
  void aTransferNeedsAnotherActiveAccountInTheSameCurrency() {
    RecordTransaction toSelf = transferTo(EURO_ACCOUNT.id());
    RecordTransaction toNowhere = transferTo(UUID.randomUUID());
    var dollars = account("USD", "ACTIVE", "0.00", "0.00");
    var closed = account("EUR", "CLOSED", "0.00", "0.00");

    assertThat(TransactionAcceptance.check(toSelf, EURO_ACCOUNT, Optional.of(EURO_ACCOUNT), NOW))
        .containsExactly(new FieldError("counterparty.accountId", "must be another account"));
    assertThat(TransactionAcceptance.check(toNowhere, EURO_ACCOUNT, Optional.empty(), NOW))
        .containsExactly(new FieldError("counterparty.accountId", "no account with that id"));
    assertThat(
            TransactionAcceptance.check(
                transferTo(dollars.id()), EURO_ACCOUNT, Optional.of(dollars), NOW))
        .containsExactly(new FieldError("counterparty.accountId", "must hold the same currency"));
    assertThat(
            TransactionAcceptance.check(
                transferTo(closed.id()), EURO_ACCOUNT, Optional.of(closed), NOW))
        .containsExactly(new FieldError("counterparty.accountId", "the account is not active"));
  }

  @Test
  void onlyATransferNamesAFlowletAccountAndEveryTransferDoes() {
    RecordTransaction withdrawal =
        new RecordTransaction(
            EURO_ACCOUNT.id(),
            TransactionType.WITHDRAWAL,
            "10.00",
            "EUR",
            NOW,
            new RecordTransaction.Counterparty("ATM", "DE", OTHER_EURO_ACCOUNT.id()),
            new RecordTransaction.Channel("DE", "atm-1"));
    RecordTransaction anonymousTransfer =
        new RecordTransaction(
            EURO_ACCOUNT.id(),
            TransactionType.TRANSFER,
            "10.00",
            "EUR",
            NOW,
            new RecordTransaction.Counterparty("ACME Ltd", "DE"),
            new RecordTransaction.Channel("DE", "device-1"));

    assertThat(TransactionAcceptance.check(withdrawal, EURO_ACCOUNT, TARGET, NOW))
        .extracting(FieldError::field)
        .containsExactly("counterparty.accountId");
    assertThat(TransactionAcceptance.check(anonymousTransfer, EURO_ACCOUNT, Optional.empty(), NOW))
        .containsExactly(new FieldError("counterparty.accountId", "is required for a TRANSFER"));
  }

  private static final Optional<AccountRef> TARGET = Optional.of(OTHER_EURO_ACCOUNT);

  private static AccountRef account(
      String currency, String status, String balance, String overdraftLimit) {
    return new AccountRef(
        UUID.randomUUID(),
        UUID.randomUUID(),
        currency,
        status,
        new BigDecimal(balance),
        new BigDecimal(overdraftLimit));
  }

  private static RecordTransaction transferTo(UUID target) {
    return new RecordTransaction(
        EURO_ACCOUNT.id(),
        TransactionType.TRANSFER,
        "10.00",
        "EUR",
        NOW,
        new RecordTransaction.Counterparty("ACME Ltd", "DE", target),
        new RecordTransaction.Channel("DE", "device-1"));
  }

  private static RecordTransaction transfer(String amount, String currency, Instant occurredAt) {
    return new RecordTransaction(
        EURO_ACCOUNT.id(),
        TransactionType.TRANSFER,
        amount,
        currency,
        occurredAt,
        new RecordTransaction.Counterparty("ACME Ltd", "DE", OTHER_EURO_ACCOUNT.id()),
        new RecordTransaction.Channel("DE", "device-1"));
  }
}
