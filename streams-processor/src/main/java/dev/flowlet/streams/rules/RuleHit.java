package dev.flowlet.streams.rules;

import dev.flowlet.events.Alert.Severity;
import dev.flowlet.streams.rules.evaluation.AlertWindows;

/**
 * A rule that fired on a transaction.
 *
 * @param rule the rule id, e.g. {@code LARGE_AMOUNT}
 * @param detail why it fired, in words an analyst reads without opening code
 * @param score the weight it adds to the decision's score
 * @param severity the severity of the alert it raises
 * @param scopeId the account or customer whose alerts the hit is de-duplicated with
 * @param alertWindowStart the start (event time, epoch ms) of the alert window this hit opened, or
 *     {@link AlertWindows#ALREADY_OPEN} when an earlier hit already raised the window's alert
 */
public record RuleHit(
    String rule,
    String detail,
    int score,
    Severity severity,
    String scopeId,
    long alertWindowStart) {

  /** Whether this hit raises an alert (the first hit of its rule, scope and window). */
  public boolean raisesAlert() {
    return alertWindowStart != AlertWindows.ALREADY_OPEN;
  }
}
