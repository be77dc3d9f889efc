package dev.flowlet.streams.rules;

import dev.flowlet.events.RiskDecision.Outcome;
import java.util.List;

/**
 * Turns the rules that fired into an outcome: the sum of their scores against two thresholds.
 *
 * @param reviewAt the smallest score that asks for a review
 * @param holdAt the smallest score that holds the transaction
 */
public record RiskScoring(int reviewAt, int holdAt) {

  public RiskScoring {
    if (reviewAt <= 0 || holdAt < reviewAt) {
      throw new IllegalArgumentException("need 0 < reviewAt <= holdAt");
    }
  }

  public int score(List<RuleHit> hits) {
    return hits.stream().mapToInt(RuleHit::score).sum();
  }

  public Outcome outcome(int score) {
    if (score >= holdAt) {
      return Outcome.HOLD;
    }
    return score >= reviewAt ? Outcome.REVIEW : Outcome.APPROVE;
  }
}
