package dev.flowlet.api.transactions;

import dev.flowlet.api.problems.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a well-formed transaction request can be recorded on its account: every reason it cannot,
 * by field. Plain rules, no I/O; the caller reads and locks the accounts first.
 */
final class TransactionAcceptance {

  /** Clocks of clients and servers disagree a little; more than this in the future is an error. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Imports and replays may carry history up to this old. */
  static final Duration OLDEST_ACCEPTED = Duration.ofDays(2 * 366);

  static final String COUNTERPARTY_ACCOUNT = "counterparty.accountId";

  private TransactionAcceptance() {}

  /**
   * Every field at fault; empty when the transaction can be recorded.
   *
   * @param account the account the money moves on
   * @param target for a transfer, the account credited, when it exists
   */
  static List<FieldError> check(
      RecordTransaction command, AccountRef account, Optional<AccountRef> target, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal amount = new BigDecimal(command.amount());
    boolean knownCurrency = Currencies.isKnown(command.currency());
    if (!knownCurrency) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    } else {
      if (!command.currency().equals(account.currency())) {
        errors.add(new FieldError("currency", "must be the account's currency"));
      }
      if (amount.stripTrailingZeros().scale() > Currencies.fractionDigits(command.currency())) {
        errors.add(
            new FieldError("amount", "has more decimals than " + command.currency() + " allows"));
      }
    }
    if (amount.signum() <= 0) {
      errors.add(new FieldError("amount", "must be greater than zero"));
    } else if (command.type().debitsAccount() && !account.canDebit(amount)) {
      errors.add(new FieldError("amount", "exceeds the available balance of the account"));
    }
    if (command.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
      errors.add(new FieldError("occurredAt", "must not be in the future"));
    }
    if (command.occurredAt().isBefore(now.minus(OLDEST_ACCEPTED))) {
      errors.add(new FieldError("occurredAt", "must be within the last two years"));
    }
    if (!AccountRef.ACTIVE.equals(account.status())) {
      errors.add(new FieldError("accountId", "the account is not active"));
    }
    errors.addAll(checkCounterpartyAccount(command, account, target));
    return errors;
  }

  private static List<FieldError> checkCounterpartyAccount(
      RecordTransaction command, AccountRef account, Optional<AccountRef> target) {
    UUID targetId = command.counterparty().accountId();
    if (command.type() != TransactionType.TRANSFER) {
      return targetId == null
          ? List.of()
          : List.of(
              new FieldError(COUNTERPARTY_ACCOUNT, "only a TRANSFER names a Flowlet account"));
    }
    if (targetId == null) {
      return List.of(new FieldError(COUNTERPARTY_ACCOUNT, "is required for a TRANSFER"));
    }
    if (targetId.equals(account.id())) {
      return List.of(new FieldError(COUNTERPARTY_ACCOUNT, "must be another account"));
    }
    if (target.isEmpty()) {
      return List.of(new FieldError(COUNTERPARTY_ACCOUNT, "no account with that id"));
    }
    List<FieldError> errors = new ArrayList<>();
    if (!target.get().currency().equals(account.currency())) {
      errors.add(new FieldError(COUNTERPARTY_ACCOUNT, "must hold the same currency"));
    }
    if (!AccountRef.ACTIVE.equals(target.get().status())) {
      errors.add(new FieldError(COUNTERPARTY_ACCOUNT, "the account is not active"));
    }
    return errors;
  }

  /**
   * The amount of an accepted request, at the currency's minor-unit precision ("125.4" becomes
   * 125.40).
   */
  static BigDecimal amountOf(RecordTransaction command) {
    return new BigDecimal(command.amount()).setScale(Currencies.fractionDigits(command.currency()));
  }

  /**
   * An account as a movement on it needs to know it.
   *
   * @param balance the booked balance
   * @param overdraftLimit how far below zero the balance may go
   */
  record AccountRef(
      UUID id,
      UUID customerId,
      String currency,
      String status,
      BigDecimal balance,
      BigDecimal overdraftLimit) {

    static final String ACTIVE = "ACTIVE";

    boolean canDebit(BigDecimal amount) {
      return balance.subtract(amount).compareTo(overdraftLimit.negate()) >= 0;
    }
  }
}
