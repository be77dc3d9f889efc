package dev.flowlet.streams.rules.velocity;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ReadableDuration;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code VELOCITY_COUNT}: more than {@code maxCount} outgoing movements of one account within
 * {@code window} of event time, counting the current one. The window ends at the movement and
 * reaches back {@code window} inclusive.
 *
 * @param maxCount how many outgoing movements are still fine
 * @param window how far back to count
 */
public record VelocityCountRule(int maxCount, Duration window) implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.VELOCITY_COUNT;
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
    int count = account.outgoing().count(at - window.toMillis(), at) + 1;
    if (count <= maxCount) {
      return Optional.empty();
    }
    return Optional.of(
        "%d outgoing movements in %s; limit %d"
            .formatted(count, ReadableDuration.of(window), maxCount));
  }
}
