package dev.flowlet.streams.rules.travel;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ReadableDuration;
import dev.flowlet.streams.rules.evaluation.Scope;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code IMPOSSIBLE_TRAVEL}: two movements of one customer from different countries, closer in
 * event time than anyone could travel between them: the distance between the countries' centres
 * divided by the time between the movements is above {@code maxSpeedKmh}. The same country never
 * fires; a country missing from the table is not judged.
 *
 * @param maxSpeedKmh the fastest plausible travel
 * @param centroids where countries are
 */
public record ImpossibleTravelRule(double maxSpeedKmh, CountryCentroids centroids)
    implements ScreeningRule {

  private static final double MILLIS_PER_HOUR = 3_600_000.0;

  @Override
  public String id() {
    return RuleCatalog.IMPOSSIBLE_TRAVEL;
  }

  @Override
  public Scope scope() {
    return Scope.CUSTOMER;
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    String here = movement.channelCountry();
    String before = customer.lastCountry();
    if (here == null || before == null || here.equals(before)) {
      return Optional.empty();
    }
    OptionalDouble distance = centroids.distanceKm(before, here);
    if (distance.isEmpty()) {
      return Optional.empty();
    }
    long gap = Math.abs(movement.at() - customer.lastCountryAt());
    double speed =
        gap == 0 ? Double.POSITIVE_INFINITY : distance.getAsDouble() / (gap / MILLIS_PER_HOUR);
    if (speed <= maxSpeedKmh) {
      return Optional.empty();
    }
    String when =
        gap == 0
            ? "at the same time as one"
            : ReadableDuration.ofMillis(gap)
                + (movement.at() >= customer.lastCountryAt() ? " after one" : " before one");
    return Optional.of(
        String.format(
            Locale.ROOT,
            "Movement from %s %s from %s, %,.0f km apart: %s; limit %,.0f km/h",
            here,
            when,
            before,
            distance.getAsDouble(),
            gap == 0 ? "no time to travel" : String.format(Locale.ROOT, "%,.0f km/h", speed),
            maxSpeedKmh));
  }
}
