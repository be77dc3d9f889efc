package dev.flowlet.streams.rules.dormancy;

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
 * {@code DORMANT_REACTIVATION}: a movement of at least {@code minCents} at least {@code dormantFor}
 * after the account's previous own activity. An account without previous activity is new, not
 * dormant. Credits from other accounts do not end dormancy: only the holder's own movements do.
 *
 * @param dormantFor how long a silence makes an account dormant
 * @param minCents the smallest amount that fires, in hundredths of the reporting currency
 * @param currency the reporting currency
 */
public record DormantReactivationRule(
    Duration dormantFor, long minCents, ReportingCurrency currency) implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.DORMANT_REACTIVATION;
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    long last = account.lastActivity();
    if (last == AccountHistory.NONE || movement.reportingCents() < minCents) {
      return Optional.empty();
    }
    long silence = movement.at() - last;
    if (silence < dormantFor.toMillis()) {
      return Optional.empty();
    }
    return Optional.of(
        "First movement after %s without activity, %s; dormant from %s, limit %s"
            .formatted(
                ReadableDuration.ofMillis(silence),
                currency.format(movement.reportingCents()),
                ReadableDuration.of(dormantFor),
                currency.format(minCents)));
  }
}
