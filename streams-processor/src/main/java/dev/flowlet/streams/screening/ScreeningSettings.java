package dev.flowlet.streams.screening;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How screening runs. Rule parameters are not here: they come from the rules topic ({@code
 * flowlet.rules.v1}), with {@code RuleCatalog}'s defaults until a definition arrives.
 *
 * @param reviewAt the smallest score that asks for a review
 * @param holdAt the smallest score that holds a transaction
 * @param reportingCurrency the currency every amount parameter is in (ISO 4217)
 * @param fxRates reference rates as units of each currency per one euro (the ECB's quotation);
 *     merged over {@link #REFERENCE_RATES}, so set only what differs or is missing
 * @param grace how late (in event time) a movement may arrive and still be judged on complete
 *     windows; history is kept for the longest rule window plus this
 * @param alertWindow the alert de-duplication window of rules without a window of their own
 * @param sanctionsList the OFAC SDN.csv file to screen counterparties against; the shipped sample
 *     list when unset (local runs and tests only)
 * @param sanctionsReloadInterval how often to look whether the sanctions list file changed
 * @param firstDeviceIsNew whether an account's very first device counts as a new device
 * @param maxDevicesPerAccount how many devices an account remembers (least recently seen forgotten)
 * @param maxMovementsPerHistory how many movements one history list keeps at most
 */
@ConfigurationProperties("flowlet.screening")
@Validated
record ScreeningSettings(
    @DefaultValue("50") @Positive int reviewAt,
    @DefaultValue("100") @Positive int holdAt,
    @DefaultValue("EUR") @NotNull @Pattern(regexp = "[A-Z]{3}") String reportingCurrency,
    Map<String, BigDecimal> fxRates,
    @DefaultValue("PT1H") @NotNull Duration grace,
    @DefaultValue("P1D") @NotNull Duration alertWindow,
    Path sanctionsList,
    @DefaultValue("PT30S") @NotNull Duration sanctionsReloadInterval,
    @DefaultValue("false") boolean firstDeviceIsNew,
    @DefaultValue("16") @Positive int maxDevicesPerAccount,
    @DefaultValue("1000") @Positive int maxMovementsPerHistory) {

  /**
   * Approximate reference rates (units per euro) so that local runs convert sensibly; production
   * sets the day's rates.
   */
  static final Map<String, BigDecimal> REFERENCE_RATES =
      Map.ofEntries(
          Map.entry("EUR", new BigDecimal("1")),
          Map.entry("USD", new BigDecimal("1.08")),
          Map.entry("GBP", new BigDecimal("0.85")),
          Map.entry("CHF", new BigDecimal("0.94")),
          Map.entry("JPY", new BigDecimal("162")),
          Map.entry("SEK", new BigDecimal("11.3")),
          Map.entry("NOK", new BigDecimal("11.6")),
          Map.entry("DKK", new BigDecimal("7.46")),
          Map.entry("PLN", new BigDecimal("4.30")),
          Map.entry("CZK", new BigDecimal("25.0")),
          Map.entry("HUF", new BigDecimal("395")),
          Map.entry("RON", new BigDecimal("4.97")),
          Map.entry("CAD", new BigDecimal("1.48")),
          Map.entry("AUD", new BigDecimal("1.65")),
          Map.entry("NZD", new BigDecimal("1.80")),
          Map.entry("CNY", new BigDecimal("7.8")),
          Map.entry("HKD", new BigDecimal("8.4")),
          Map.entry("SGD", new BigDecimal("1.45")),
          Map.entry("INR", new BigDecimal("90")),
          Map.entry("BRL", new BigDecimal("5.9")),
          Map.entry("MXN", new BigDecimal("19.5")),
          Map.entry("ZAR", new BigDecimal("20")),
          Map.entry("TRY", new BigDecimal("35")),
          Map.entry("ILS", new BigDecimal("4.0")),
          Map.entry("KRW", new BigDecimal("1470")),
          Map.entry("AED", new BigDecimal("3.97")),
          Map.entry("SAR", new BigDecimal("4.05")));

  ScreeningSettings {
    Map<String, BigDecimal> rates = new LinkedHashMap<>(REFERENCE_RATES);
    if (fxRates != null) {
      fxRates.forEach((currency, rate) -> rates.put(currency.toUpperCase(Locale.ROOT), rate));
    }
    fxRates = Map.copyOf(rates);
  }

  @AssertTrue(message = "hold-at must not be below review-at")
  boolean isHoldAtNotBelowReviewAt() {
    return holdAt >= reviewAt;
  }

  @AssertTrue(
      message = "fx-rates must give a positive rate for the reporting currency and every other")
  boolean isEveryRatePositive() {
    return fxRates.containsKey(reportingCurrency)
        && fxRates.values().stream().allMatch(rate -> rate != null && rate.signum() > 0);
  }
}
