package dev.flowlet.streams.screening;

import dev.flowlet.events.RiskDecision;
import java.util.List;

/** Reading the rules that fired out of a decision. */
final class Reasons {

  private Reasons() {}

  static List<String> rules(RiskDecision decision) {
    return decision.reasons().stream().map(RiskDecision.Reason::rule).toList();
  }

  static String detail(RiskDecision decision, String rule) {
    return decision.reasons().stream()
        .filter(reason -> reason.rule().equals(rule))
        .map(RiskDecision.Reason::detail)
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule + " did not fire: " + decision.reasons()));
  }
}
