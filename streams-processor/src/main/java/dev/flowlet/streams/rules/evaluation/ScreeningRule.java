package dev.flowlet.streams.rules.evaluation;

import java.time.Duration;
import java.util.Optional;

/**
 * One fraud or anomaly rule with its parameters. It looks at a movement and at the history before
 * it, changes nothing, and says whether it fired and why, in words an analyst reads without code.
 */
public interface ScreeningRule {

  /** The rule id, as in {@code RuleCatalog}. */
  String id();

  /** Whose behaviour it watches; alerts are de-duplicated per rule and scope. */
  default Scope scope() {
    return Scope.ACCOUNT;
  }

  /** The rule's own window, which is also its alert window; empty for rules without one. */
  default Optional<Duration> ownWindow() {
    return Optional.empty();
  }

  /**
   * Evaluates {@code movement} against the histories as they were before it.
   *
   * @return the reason when the rule fired, empty when it did not
   */
  Optional<String> evaluate(Movement movement, AccountHistory account, CustomerHistory customer);
}
