package dev.flowlet.api.accounts;

import java.math.BigDecimal;
import java.util.Optional;

/** Where an account stands, and which changes of status are allowed. */
enum AccountStatus {
  /** Money moves. */
  ACTIVE,
  /** Nothing moves until unfrozen, e.g. during an investigation. */
  FROZEN,
  /** For good; only a zero balance can be closed. */
  CLOSED;

  /** Why the change from this status to {@code next} is refused, or empty when it is allowed. */
  Optional<String> refusalOfChangeTo(AccountStatus next, BigDecimal balance) {
    if (this == CLOSED) {
      return Optional.of("a closed account cannot change status");
    }
    if (next == CLOSED && balance.signum() != 0) {
      return Optional.of("only an account with a zero balance can be closed");
    }
    return Optional.empty();
  }
}
