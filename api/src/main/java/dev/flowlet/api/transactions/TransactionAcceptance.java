package dev.flowlet.api.transactions;

import dev.flowlet.api.problems.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a well-formed transaction request can be recorded on its account: every reason it cannot,
 * by field. Plain rules, no I/O.
 */
final class TransactionAcceptance {

  /** Clocks of clients and servers disagree a little; more than this in the future is an error. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Imports and replays may carry history up to this old. */
  static final Duration OLDEST_ACCEPTED = Duration.ofDays(2 * 366);

  private TransactionAcceptance() {}

  /** Every field at fault; empty when the transaction can be recorded. */
  static List<FieldError> check(
      RecordTransaction command, TransactionRecording.AccountRef account, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal amount = new BigDecimal(command.amount());
    if (!Currencies.isKnown(command.currency())) {
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
    }
    if (command.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
      errors.add(new FieldError("occurredAt", "must not be in the future"));
    }
    if (command.occurredAt().isBefore(now.minus(OLDEST_ACCEPTED))) {
      errors.add(new FieldError("occurredAt", "must be within the last two years"));
    }
    if (!"ACTIVE".equals(account.status())) {
      errors.add(new FieldError("accountId", "the account is not active"));
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
}
