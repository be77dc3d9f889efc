package dev.flowlet.streams.rules.passthrough;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ReadableDuration;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import dev.flowlet.streams.rules.evaluation.TimedAmounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code RAPID_PASS_THROUGH}: of an incoming amount, at least {@code minRatio} leaves the account
 * in outgoing movements within {@code window} after it came in. Fires on the outgoing movement that
 * crosses the ratio, not on the ones after it; each incoming amount is judged on its own, the
 * earliest crossed one is reported.
 *
 * @param minRatio the share of the incoming amount that fires, e.g. 0.80
 * @param window how soon after the incoming amount the outgoing ones count
 * @param currency the reporting currency
 */
public record RapidPassThroughRule(BigDecimal minRatio, Duration window, ReportingCurrency currency)
    implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.RAPID_PASS_THROUGH;
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
    TimedAmounts incoming = account.incoming();
    TimedAmounts outgoing = account.outgoing();
    for (int i = incoming.firstAtOrAfter(at - window.toMillis()), end = incoming.firstAfter(at);
        i < end;
        i++) {
      long received = incoming.amount(i);
      long cameIn = incoming.time(i);
      BigDecimal mark = minRatio.multiply(BigDecimal.valueOf(received));
      long before = outgoing.sum(cameIn, at);
      long after = before + movement.reportingCents();
      if (BigDecimal.valueOf(before).compareTo(mark) < 0
          && BigDecimal.valueOf(after).compareTo(mark) >= 0) {
        return Optional.of(
            "%s of %s received %s earlier left the account within %s (%s); limit %s"
                .formatted(
                    currency.format(after),
                    currency.format(received),
                    ReadableDuration.ofMillis(at - cameIn),
                    ReadableDuration.of(window),
                    percent(
                        BigDecimal.valueOf(after)
                            .divide(BigDecimal.valueOf(received), 4, RoundingMode.DOWN)),
                    percent(minRatio)));
      }
    }
    return Optional.empty();
  }

  private static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).setScale(0, RoundingMode.DOWN).toPlainString() + "%";
  }
}
