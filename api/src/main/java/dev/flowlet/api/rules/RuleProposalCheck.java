package dev.flowlet.api.rules;

import dev.flowlet.api.problems.FieldError;
import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleCatalog.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Whether proposed rule parameters are ones the rule knows, with values of the right kind. */
final class RuleProposalCheck {

  private static final Pattern COUNTRIES = Pattern.compile("[A-Z]{2}(,[A-Z]{2})*");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,6})?");

  private RuleProposalCheck() {}

  static List<FieldError> check(RuleCatalog.Entry rule, Map<String, String> parameters) {
    List<FieldError> errors = new ArrayList<>();
    parameters.forEach(
        (name, value) -> {
          String field = "parameters." + name;
          var parameter = rule.parameter(name);
          if (parameter.isEmpty()) {
            errors.add(
                new FieldError(
                    field,
                    "is not a parameter of "
                        + rule.id()
                        + "; known: "
                        + rule.parameters().stream().map(RuleCatalog.Parameter::name).toList()));
          } else if (value == null || !valid(parameter.get().kind(), value)) {
            errors.add(new FieldError(field, describe(parameter.get().kind())));
          }
        });
    return errors;
  }

  private static boolean valid(Kind kind, String value) {
    return switch (kind) {
      case AMOUNT -> DECIMAL.matcher(value).matches();
      case DECIMAL -> DECIMAL.matcher(value).matches() && new BigDecimal(value).signum() > 0;
      case COUNT -> value.matches("[0-9]{1,6}") && Integer.parseInt(value) > 0;
      case COUNTRIES -> COUNTRIES.matcher(value).matches();
      case DURATION -> positiveDuration(value);
    };
  }

  private static boolean positiveDuration(String value) {
    try {
      Duration duration = Duration.parse(value);
      return !duration.isNegative() && !duration.isZero();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case AMOUNT -> "must be a non-negative decimal amount such as 10000.00";
      case DECIMAL -> "must be a positive decimal such as 0.80";
      case COUNT -> "must be a positive whole number";
      case COUNTRIES -> "must be comma-separated ISO 3166-1 alpha-2 codes such as KP,IR";
      case DURATION -> "must be a positive ISO-8601 duration such as PT10M or P180D";
    };
  }
}
