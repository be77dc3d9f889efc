package dev.flowlet.streams.rules;

import dev.flowlet.events.RuleDefinition;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed access to a definition's parameters, with the checks of {@code RuleCatalog.Kind}. Errors
 * name the rule and parameter, never the value.
 */
final class RuleParameters {

  private final String rule;
  private final Map<String, String> values;

  RuleParameters(RuleDefinition definition) {
    this.rule = definition.rule();
    this.values = definition.parameters() == null ? Map.of() : definition.parameters();
  }

  /** An AMOUNT in hundredths of the reporting currency; at least 0. */
  long amountCents(String name) {
    BigDecimal amount = decimal(name, "a decimal amount");
    if (amount.signum() < 0) {
      throw invalid(name, "a non-negative decimal amount");
    }
    try {
      return ReportingCurrency.cents(amount);
    } catch (ArithmeticException e) {
      throw invalid(name, "an amount of a sensible size");
    }
  }

  /** A COUNT: a positive whole number. */
  int count(String name) {
    try {
      int count = Integer.parseInt(raw(name).trim());
      if (count > 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(name, "a positive whole number");
  }

  /** A DURATION: a positive ISO-8601 duration. */
  Duration duration(String name) {
    try {
      Duration duration = Duration.parse(raw(name).trim());
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw invalid(name, "a positive ISO-8601 duration such as PT10M");
  }

  /** A DECIMAL: a positive decimal. */
  BigDecimal positive(String name) {
    BigDecimal value = decimal(name, "a positive decimal");
    if (value.signum() <= 0) {
      throw invalid(name, "a positive decimal");
    }
    return value;
  }

  /** COUNTRIES: comma-separated ISO 3166-1 alpha-2 codes; may be empty. */
  List<String> countries(String name) {
    List<String> countries = new ArrayList<>();
    for (String part : raw(name).split(",")) {
      String code = part.trim().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      if (!code.matches("[A-Z]{2}")) {
        throw invalid(name, "comma-separated ISO 3166-1 alpha-2 codes");
      }
      countries.add(code);
    }
    return countries;
  }

  private BigDecimal decimal(String name, String expected) {
    try {
      return new BigDecimal(raw(name).trim());
    } catch (NumberFormatException e) {
      throw invalid(name, expected);
    }
  }

  private String raw(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new InvalidRuleDefinition(rule + " lacks the parameter '" + name + "'");
    }
    return value;
  }

  private InvalidRuleDefinition invalid(String name, String expected) {
    return new InvalidRuleDefinition("parameter '" + name + "' of " + rule + " is not " + expected);
  }
}
