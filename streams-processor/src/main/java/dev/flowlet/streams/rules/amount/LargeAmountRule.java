package dev.flowlet.streams.rules.amount;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.util.Optional;

/**
 * {@code LARGE_AMOUNT}: one movement at or above a threshold in the reporting currency, the classic
 * trigger of a large-transaction report.
 *
 * @param thresholdCents the smallest amount that fires, in hundredths of the reporting currency
 * @param currency the reporting currency
 */
public record LargeAmountRule(long thresholdCents, ReportingCurrency currency)
    implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.LARGE_AMOUNT;
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    if (movement.reportingCents() < thresholdCents) {
      return Optional.empty();
    }
    String converted =
        movement.currency().equals(currency.code())
            ? ""
            : " (" + currency.format(movement.reportingCents()) + ")";
    return Optional.of(
        "Amount %s %s%s is at or above the large-amount threshold of %s"
            .formatted(
                movement.amount().toPlainString(),
                movement.currency(),
                converted,
                currency.format(thresholdCents)));
  }
}
