package dev.flowlet.api.transactions;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 4217 currencies as the JDK knows them, with their minor-unit precision. */
public final class Currencies {

  private static final Set<String> CODES =
      Currency.getAvailableCurrencies().stream()
          .filter(currency -> currency.getDefaultFractionDigits() >= 0)
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  private Currencies() {}

  /** Whether {@code code} is an ISO 4217 currency with a defined minor unit. */
  public static boolean isKnown(String code) {
    return code != null && CODES.contains(code);
  }

  /** Digits after the decimal point the currency allows: 2 for EUR, 0 for JPY, 3 for BHD. */
  public static int fractionDigits(String code) {
    return Currency.getInstance(code).getDefaultFractionDigits();
  }
}
