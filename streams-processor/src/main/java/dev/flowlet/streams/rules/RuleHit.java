package dev.flowlet.streams.rules;

import dev.flowlet.events.Alert.Severity;

/**
 * A rule that fired on a transaction.
 *
 * @param rule the rule id, e.g. {@code LARGE_AMOUNT}
 * @param detail why it fired, in words an analyst reads without opening code
 * @param score the weight it adds to the decision's score
 * @param severity the severity of the alert it raises
 */
public record RuleHit(String rule, String detail, int score, Severity severity) {}
