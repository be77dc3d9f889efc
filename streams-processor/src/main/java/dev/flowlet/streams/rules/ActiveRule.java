package dev.flowlet.streams.rules;

import dev.flowlet.events.Alert.Severity;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;

/**
 * A rule compiled from one version of its definition.
 *
 * @param rule the rule with its parameters
 * @param version the definition's version, which decisions name
 * @param enabled whether it runs
 * @param score the weight of a hit
 * @param severity the severity of its alerts
 */
public record ActiveRule(
    ScreeningRule rule, long version, boolean enabled, int score, Severity severity) {

  public String id() {
    return rule.id();
  }
}
