package dev.flowlet.streams.rules.velocity;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ReadableDuration;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code VELOCITY_AMOUNT}: the outgoing total of one account within {@code window} of event time,
 * the current movement included, above {@code maxCents}.
 *
 * @param maxCents the largest total that is still fine, in hundredths of the reporting currency
 * @param window how far back to add up
 * @param currency the reporting currency
 */
public record VelocityAmountRule(long maxCents, Duration window, ReportingCurrency currency)
    implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.VELOCITY_AMOUNT;
  }

  @Override
  public Optional<Duration> ownWindow() {
    return Optional.of(window);
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    if (!movement.outgoing()) {
      return Optional.empty();
    }
    long at = movement.at();
    long total = account.outgoing().sum(at - window.toMillis(), at) + movement.reportingCents();
    if (total <= maxCents) {
      return Optional.empty();
    }
    return Optional.of(
        "Outgoing %s in %s; limit %s"
            .formatted(
                currency.format(total), ReadableDuration.of(window), currency.format(maxCents)));
  }
}
