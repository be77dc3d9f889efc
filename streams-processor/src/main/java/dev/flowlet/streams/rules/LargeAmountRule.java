package dev.flowlet.streams.rules;

import dev.flowlet.events.Alert.Severity;
import dev.flowlet.events.TransactionRecorded;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code LARGE_AMOUNT}: a single movement at or above a threshold, the classic trigger of a
 * large-transaction report.
 *
 * @param threshold the smallest amount that fires
 * @param score the weight a hit adds
 * @param severity the severity of the alert
 */
public record LargeAmountRule(BigDecimal threshold, int score, Severity severity) {

  public static final String ID = "LARGE_AMOUNT";

  public Optional<RuleHit> evaluate(TransactionRecorded transaction) {
    if (transaction.amount().compareTo(threshold) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleHit(
            ID,
            "Amount %s %s is at or above the large-amount threshold of %s"
                .formatted(
                    transaction.amount().toPlainString(),
                    transaction.currency(),
                    threshold.toPlainString()),
            score,
            severity));
  }
}
