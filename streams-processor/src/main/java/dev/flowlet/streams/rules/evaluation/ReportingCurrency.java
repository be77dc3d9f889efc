package dev.flowlet.streams.rules.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Converts amounts into the reporting currency that every amount parameter is expressed in, and
 * writes amounts the way analysts read them. Rates are reference rates quoted like the ECB's: units
 * of each currency per one euro, so one table serves any reporting currency that is in it.
 */
public final class ReportingCurrency {

  private final String code;
  private final Map<String, BigDecimal> perEuro;
  private final BigDecimal reportingPerEuro;

  /**
   * @param code ISO 4217 code of the reporting currency; must be in {@code perEuro}
   * @param perEuro units of each currency per euro (EUR itself is 1)
   */
  public ReportingCurrency(String code, Map<String, BigDecimal> perEuro) {
    this.perEuro = Map.copyOf(perEuro);
    perEuro.forEach(
        (currency, rate) -> {
          if (rate.signum() <= 0) {
            throw new IllegalArgumentException("FX rate of " + currency + " must be positive");
          }
        });
    BigDecimal rate = this.perEuro.get(code);
    if (rate == null) {
      throw new IllegalArgumentException("No FX rate for the reporting currency " + code);
    }
    this.code = code;
    this.reportingPerEuro = rate;
  }

  public String code() {
    return code;
  }

  /**
   * {@code amount} of {@code currency} in hundredths of the reporting currency (rounded half even),
   * or empty when there is no rate for {@code currency}.
   */
  public Optional<Long> toCents(BigDecimal amount, String currency) {
    BigDecimal converted;
    if (code.equals(currency)) {
      converted = amount;
    } else {
      BigDecimal rate = perEuro.get(currency);
      if (rate == null) {
        return Optional.empty();
      }
      converted = amount.multiply(reportingPerEuro).divide(rate, MathContext.DECIMAL64);
    }
    return Optional.of(
        converted.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact());
  }

  /** Whether amounts in {@code currency} can be converted. */
  public boolean knows(String currency) {
    return perEuro.containsKey(currency);
  }

  /** {@code cents} hundredths of the reporting currency as analysts read them: 8,000.00 EUR. */
  public String format(long cents) {
    return String.format(Locale.ROOT, "%,.2f %s", BigDecimal.valueOf(cents, 2), code);
  }

  /** An amount parameter (a decimal in the reporting currency) in hundredths. */
  public static long cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
  }
}
