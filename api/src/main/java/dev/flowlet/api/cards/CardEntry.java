package dev.flowlet.api.cards;

import dev.flowlet.api.problems.FieldError;
import java.util.List;

/**
 * Whether a transaction may carry the card it was sent with: a {@code CARD_PAYMENT} needs one, a
 * {@code REFUND} may name the card it goes back to, other movements take none. Plain rules, no I/O.
 */
final class CardEntry {

  static final String NUMBER_FIELD = "card.number";
  static final String CARD_FIELD = "card";

  private CardEntry() {}

  /** What a transaction type asks of the {@code card} field. */
  enum Requirement {
    REQUIRED,
    OPTIONAL,
    REFUSED;

    static Requirement of(String transactionType) {
      return switch (transactionType) {
        case "CARD_PAYMENT" -> REQUIRED;
        case "REFUND" -> OPTIONAL;
        default -> REFUSED;
      };
    }
  }

  /** The decision on a request's card. */
  sealed interface Decision {

    /** The request carries no card, and needs none. */
    record NoCard() implements Decision {}

    /** The request carries this acceptable card. */
    record Accepted(CardNumber card) implements Decision {}

    /** Every reason the card field cannot be accepted; none quotes the number. */
    record Refused(List<FieldError> errors) implements Decision {}
  }

  static Decision decide(String transactionType, CardInput card) {
    Requirement requirement = Requirement.of(transactionType);
    if (card == null) {
      return requirement == Requirement.REQUIRED
          ? refused(NUMBER_FIELD, "is required for a " + transactionType)
          : new Decision.NoCard();
    }
    if (requirement == Requirement.REFUSED) {
      return refused(CARD_FIELD, "is not accepted for a " + transactionType);
    }
    return switch (card.shape()) {
      case NOT_AN_OBJECT -> refused(CARD_FIELD, "must be an object with a string \"number\"");
      case NUMBER_NOT_A_STRING -> refused(NUMBER_FIELD, "must be a JSON string");
      case OBJECT ->
          switch (CardNumber.check(card.number())) {
            case CardNumber.Check.Accepted accepted -> new Decision.Accepted(accepted.card());
            case CardNumber.Check.Refused refusal -> refused(NUMBER_FIELD, refusal.reason());
          };
    };
  }

  private static Decision refused(String field, String message) {
    return new Decision.Refused(List.of(new FieldError(field, message)));
  }
}
