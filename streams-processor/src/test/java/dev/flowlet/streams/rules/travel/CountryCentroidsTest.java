package dev.flowlet.streams.rules.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountryCentroidsTest {

  private final CountryCentroids centroids = CountryCentroids.bundled();

  @Test
  void knowsEveryIsoCountryTheJdkKnows() {
    assertThat(Locale.getISOCountries())
        .allSatisfy(code -> assertThat(centroids.knows(code)).as(code).isTrue());
  }

  @Test
  void measuresGreatCircleDistancesBetweenCountryCentres() {
    assertThat(centroids.distanceKm("FR", "DE").orElseThrow()).isCloseTo(757.7, within(0.5));
    assertThat(centroids.distanceKm("FR", "FR").orElseThrow()).isZero();
    assertThat(centroids.distanceKm("FR", "XX")).isEmpty();
  }
}
