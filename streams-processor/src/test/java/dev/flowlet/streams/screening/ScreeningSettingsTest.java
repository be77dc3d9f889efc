package dev.flowlet.streams.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ScreeningSettingsTest {

  @Test
  void defaultsToEuroReferenceRatesOneHourOfGraceAndTheShippedSanctionsSample() {
    ScreeningSettings settings = bind(Map.of());

    assertThat(settings.reportingCurrency()).isEqualTo("EUR");
    assertThat(settings.fxRates()).containsEntry("EUR", BigDecimal.ONE).containsKey("USD");
    assertThat(settings.grace()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.alertWindow()).isEqualTo(Duration.ofDays(1));
    assertThat(settings.sanctionsList()).isNull();
    assertThat(settings.firstDeviceIsNew()).isFalse();
    assertThat(settings.isHoldAtNotBelowReviewAt()).isTrue();
    assertThat(settings.isEveryRatePositive()).isTrue();
  }

  @Test
  void mergesConfiguredRatesOverTheReferenceRates() {
    ScreeningSettings settings =
        bind(
            Map.of(
                "flowlet.screening.fx-rates.usd", "1.25", "flowlet.screening.fx-rates.ISK", "150"));

    assertThat(settings.fxRates())
        .containsEntry("USD", new BigDecimal("1.25"))
        .containsEntry("ISK", new BigDecimal("150"))
        .containsEntry("GBP", ScreeningSettings.REFERENCE_RATES.get("GBP"));
  }

  @Test
  void findsAReportingCurrencyWithoutARateInvalid() {
    assertThat(bind(Map.of("flowlet.screening.reporting-currency", "ISK")).isEveryRatePositive())
        .isFalse();
    assertThat(bind(Map.of("flowlet.screening.hold-at", "40")).isHoldAtNotBelowReviewAt())
        .isFalse();
  }

  private static ScreeningSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("flowlet.screening", ScreeningSettings.class);
  }
}
