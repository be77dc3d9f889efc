package dev.flowlet.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlet.events.RiskDecision.Outcome;
import org.junit.jupiter.api.Test;

class RiskScoringTest {

  private final RiskScoring scoring = new RiskScoring(50, 100);

  @Test
  void approvesBelowTheReviewThreshold() {
    assertThat(scoring.outcome(49)).isEqualTo(Outcome.APPROVE);
  }

  @Test
  void reviewsFromTheReviewThresholdUpToTheHoldThreshold() {
    assertThat(scoring.outcome(50)).isEqualTo(Outcome.REVIEW);
    assertThat(scoring.outcome(99)).isEqualTo(Outcome.REVIEW);
  }

  @Test
  void holdsFromTheHoldThreshold() {
    assertThat(scoring.outcome(100)).isEqualTo(Outcome.HOLD);
  }

  @Test
  void refusesAHoldThresholdBelowTheReviewThreshold() {
    assertThatThrownBy(() -> new RiskScoring(50, 40)).isInstanceOf(IllegalArgumentException.class);
  }
}
