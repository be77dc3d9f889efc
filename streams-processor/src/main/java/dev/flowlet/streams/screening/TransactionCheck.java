package dev.flowlet.streams.screening;

import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.MovementType;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that a transaction has what the rules need and turns it into the movements to route: the
 * movement itself, keyed by its customer, and for a transfer into a Flowlet account the credit leg,
 * keyed by the credited customer. Errors name fields, never values.
 */
final class TransactionCheck {

  private final ReportingCurrency currency;

  TransactionCheck(ReportingCurrency currency) {
    this.currency = currency;
  }

  /** The problem with {@code transaction}, or null when it can be screened. */
  String problem(TransactionRecorded transaction) {
    if (transaction == null) {
      return "empty record";
    }
    if (transaction.transactionId() == null
        || transaction.accountId() == null
        || transaction.customerId() == null
        || transaction.type() == null
        || transaction.amount() == null
        || transaction.currency() == null
        || transaction.occurredAt() == null) {
      return "TransactionRecorded lacks transactionId, accountId, customerId, type, amount,"
          + " currency or occurredAt";
    }
    if (MovementType.named(transaction.type()) == null) {
      return "TransactionRecorded has an unknown type";
    }
    if (transaction.amount().signum() <= 0) {
      return "TransactionRecorded has an amount that is not positive";
    }
    if (!currency.knows(transaction.currency())) {
      return "No FX rate for currency "
          + (transaction.currency().matches("[A-Z]{3}") ? transaction.currency() : "(invalid)")
          + " (flowlet.screening.fx-rates)";
    }
    var counterparty = transaction.counterparty();
    if (counterparty != null
        && (counterparty.accountId() == null) != (counterparty.customerId() == null)) {
      return "TransactionRecorded names a credited account without its holder, or a holder"
          + " without the account";
    }
    if (toCents(transaction).isEmpty()) {
      return "TransactionRecorded has an amount too large to screen";
    }
    return null;
  }

  /** The movements to route, by customer; call only when {@link #problem} found none. */
  List<Routed> route(TransactionRecorded transaction) {
    long cents = toCents(transaction).orElseThrow();
    MovementType type = MovementType.named(transaction.type());
    var counterparty = transaction.counterparty();
    var channel = transaction.channel();
    String counterpartyName = counterparty == null ? null : counterparty.name();
    String counterpartyCountry = counterparty == null ? null : country(counterparty.country());
    Movement movement =
        new Movement(
            transaction.transactionId(),
            transaction.accountId(),
            transaction.customerId(),
            type,
            transaction.amount(),
            transaction.currency(),
            cents,
            transaction.occurredAt(),
            counterpartyName,
            counterpartyCountry,
            channel == null ? null : country(channel.country()),
            channel == null ? null : channel.deviceKey());
    List<Routed> routed = new ArrayList<>(2);
    routed.add(new Routed(transaction.customerId(), new ScreeningInput(false, movement)));
    if (type == MovementType.TRANSFER && counterparty != null && counterparty.accountId() != null) {
      Movement credit =
          new Movement(
              transaction.transactionId(),
              counterparty.accountId(),
              counterparty.customerId(),
              type,
              transaction.amount(),
              transaction.currency(),
              cents,
              transaction.occurredAt(),
              null,
              null,
              null,
              null);
      routed.add(new Routed(counterparty.customerId(), new ScreeningInput(true, credit)));
    }
    return routed;
  }

  private Optional<Long> toCents(TransactionRecorded transaction) {
    try {
      return currency.toCents(transaction.amount(), transaction.currency());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static String country(String code) {
    return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
  }

  /** A movement with the customer whose partition it goes to. */
  record Routed(String customerId, ScreeningInput input) {}
}
