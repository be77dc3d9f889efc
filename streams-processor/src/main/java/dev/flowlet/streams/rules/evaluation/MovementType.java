package dev.flowlet.streams.rules.evaluation;

/** The kinds of money movement, and which way each moves money for the account it is booked on. */
public enum MovementType {
  DEPOSIT(false),
  WITHDRAWAL(true),
  TRANSFER(true),
  CARD_PAYMENT(true),
  REFUND(false);

  private final boolean outgoing;

  MovementType(boolean outgoing) {
    this.outgoing = outgoing;
  }

  /** Money leaves the account: a withdrawal, a card payment, or the debit of a transfer. */
  public boolean outgoing() {
    return outgoing;
  }

  /** The type named {@code name}, or null when there is none of that name. */
  public static MovementType named(String name) {
    if (name == null) {
      return null;
    }
    for (MovementType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }
}
