package dev.flowlet.streams.rules.structuring;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.MovementType;
import dev.flowlet.streams.rules.evaluation.ReadableDuration;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.evaluation.Scope;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code STRUCTURING}: at least {@code minCount} deposits of one customer, across all their
 * accounts, each between {@code minCents} and {@code maxCents}, within {@code window} of event
 * time. Fires on a deposit in that band that completes the count.
 *
 * @param minCents the lower end of the band, in hundredths of the reporting currency
 * @param maxCents the upper end of the band (inclusive)
 * @param minCount how many deposits in the band fire
 * @param window how far back to count
 * @param currency the reporting currency
 */
public record StructuringRule(
    long minCents, long maxCents, int minCount, Duration window, ReportingCurrency currency)
    implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.STRUCTURING;
  }

  @Override
  public Scope scope() {
    return Scope.CUSTOMER;
  }

  @Override
  public Optional<Duration> ownWindow() {
    return Optional.of(window);
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    long amount = movement.reportingCents();
    if (movement.type() != MovementType.DEPOSIT || amount < minCents || amount > maxCents) {
      return Optional.empty();
    }
    long at = movement.at();
    int count =
        customer.deposits().countBetween(at - window.toMillis(), at, minCents, maxCents) + 1;
    if (count < minCount) {
      return Optional.empty();
    }
    return Optional.of(
        "%d cash deposits between %s and %s within %s; limit %d"
            .formatted(
                count,
                currency.format(minCents).replace(" " + currency.code(), ""),
                currency.format(maxCents),
                ReadableDuration.of(window),
                minCount));
  }
}
