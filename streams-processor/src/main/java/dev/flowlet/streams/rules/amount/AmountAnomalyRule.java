package dev.flowlet.streams.rules.amount;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.evaluation.RunningStats;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code AMOUNT_ANOMALY}: an amount far above the account's own history, more than {@code
 * standardDeviations} above the mean of its earlier movements in the same direction (outgoing
 * amounts against outgoing ones, deposits and refunds against incoming ones, so that a monthly
 * salary is not an anomaly among card payments). Silent until the account has {@code minHistory}
 * movements; the movement itself joins the history only after it was judged.
 *
 * @param standardDeviations how many standard deviations above the mean fire
 * @param minHistory how many earlier movements the account needs before the rule speaks
 * @param currency the reporting currency the history is kept in
 */
public record AmountAnomalyRule(
    double standardDeviations, long minHistory, ReportingCurrency currency)
    implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.AMOUNT_ANOMALY;
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    RunningStats history = account.amounts(movement.outgoing());
    if (history.count() < minHistory) {
      return Optional.empty();
    }
    double amount = movement.reportingCents();
    double deviation = history.standardDeviation();
    if (amount <= history.mean() + standardDeviations * deviation) {
      return Optional.empty();
    }
    String mean = currency.format(Math.round(history.mean()));
    if (deviation == 0) {
      return Optional.of(
          "%s amount %s is above the %s that each of this account's %d earlier %s movements had"
              .formatted(
                  direction(movement, true),
                  currency.format(movement.reportingCents()),
                  mean,
                  history.count(),
                  direction(movement, false)));
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s amount %s is %.1f standard deviations above this account's mean %s amount of %s"
                + " over %d movements; limit %s",
            direction(movement, true),
            currency.format(movement.reportingCents()),
            (amount - history.mean()) / deviation,
            direction(movement, false),
            mean,
            history.count(),
            new BigDecimal(Double.toString(standardDeviations))
                .stripTrailingZeros()
                .toPlainString()));
  }

  private static String direction(Movement movement, boolean capital) {
    String word = movement.outgoing() ? "outgoing" : "incoming";
    return capital ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
  }
}
