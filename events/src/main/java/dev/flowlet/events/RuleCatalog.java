package dev.flowlet.events;

import dev.flowlet.events.Alert.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The screening rules Flowlet knows, with the parameters each takes and their shipped defaults.
 * Version 1 of every rule is its default; the API publishes it to {@code flowlet.rules.v1} on first
 * start and every approved change after that gets the next version. The streams processor uses the
 * same defaults for a rule whose definition it has not read yet, so both sides always agree.
 */
public final class RuleCatalog {

  /** The version of a rule's shipped defaults. */
  public static final long DEFAULT_VERSION = 1;

  /** Who "proposed" and "approved" the shipped defaults. */
  public static final String SHIPPED = "flowlet-defaults";

  /** What a parameter's value is, for validating proposed changes. */
  public enum Kind {
    /** A non-negative decimal amount in the reporting currency, e.g. {@code 10000.00}. */
    AMOUNT,
    /** A positive whole number. */
    COUNT,
    /** A positive ISO-8601 duration, e.g. {@code PT10M} or {@code P180D}. */
    DURATION,
    /** A positive decimal, e.g. a ratio {@code 0.80} or a number of standard deviations. */
    DECIMAL,
    /** Comma-separated ISO 3166-1 alpha-2 codes, e.g. {@code KP,IR,MM}. */
    COUNTRIES
  }

  /**
   * One parameter of a rule.
   *
   * @param name kebab-case name, e.g. {@code max-count}
   * @param kind what its value is
   * @param defaultValue the shipped value
   */
  public record Parameter(String name, Kind kind, String defaultValue) {}

  /**
   * A rule with its shipped configuration.
   *
   * @param id the rule id
   * @param description what it detects, for people choosing parameters
   * @param score default weight of a hit
   * @param severity default severity of its alerts
   * @param parameters its parameters in a stable order
   */
  public record Entry(
      String id, String description, int score, Severity severity, List<Parameter> parameters) {

    /** The shipped defaults as version 1 of this rule's definition. */
    public RuleDefinition defaults() {
      Map<String, String> values = new LinkedHashMap<>();
      parameters.forEach(parameter -> values.put(parameter.name(), parameter.defaultValue()));
      return new RuleDefinition(
          RuleDefinition.SCHEMA_VERSION,
          id,
          DEFAULT_VERSION,
          true,
          score,
          severity,
          Map.copyOf(values),
          "default-" + id,
          SHIPPED,
          SHIPPED,
          Instant.EPOCH);
    }

    public Optional<Parameter> parameter(String name) {
      return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }
  }

  public static final String LARGE_AMOUNT = "LARGE_AMOUNT";
  public static final String STRUCTURING = "STRUCTURING";
  public static final String VELOCITY_COUNT = "VELOCITY_COUNT";
  public static final String VELOCITY_AMOUNT = "VELOCITY_AMOUNT";
  public static final String AMOUNT_ANOMALY = "AMOUNT_ANOMALY";
  public static final String IMPOSSIBLE_TRAVEL = "IMPOSSIBLE_TRAVEL";
  public static final String NEW_DEVICE_HIGH_VALUE = "NEW_DEVICE_HIGH_VALUE";
  public static final String DORMANT_REACTIVATION = "DORMANT_REACTIVATION";
  public static final String RAPID_PASS_THROUGH = "RAPID_PASS_THROUGH";
  public static final String SANCTIONS_MATCH = "SANCTIONS_MATCH";
  public static final String HIGH_RISK_COUNTRY = "HIGH_RISK_COUNTRY";

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              LARGE_AMOUNT,
              "One movement at or above a threshold, converted to the reporting currency",
              60,
              Severity.HIGH,
              List.of(new Parameter("threshold", Kind.AMOUNT, "10000.00"))),
          new Entry(
              STRUCTURING,
              "Several cash deposits of one customer just under the reporting threshold",
              70,
              Severity.HIGH,
              List.of(
                  new Parameter("min-amount", Kind.AMOUNT, "8000.00"),
                  new Parameter("max-amount", Kind.AMOUNT, "9999.99"),
                  new Parameter("min-count", Kind.COUNT, "3"),
                  new Parameter("window", Kind.DURATION, "PT24H"))),
          new Entry(
              VELOCITY_COUNT,
              "More outgoing movements from one account in a window than the limit",
              40,
              Severity.MEDIUM,
              List.of(
                  new Parameter("max-count", Kind.COUNT, "5"),
                  new Parameter("window", Kind.DURATION, "PT10M"))),
          new Entry(
              VELOCITY_AMOUNT,
              "Outgoing total of one account in a window above the limit",
              50,
              Severity.MEDIUM,
              List.of(
                  new Parameter("max-amount", Kind.AMOUNT, "20000.00"),
                  new Parameter("window", Kind.DURATION, "PT24H"))),
          new Entry(
              AMOUNT_ANOMALY,
              "Amount far above the account's own history (mean + k standard deviations)",
              40,
              Severity.MEDIUM,
              List.of(
                  new Parameter("std-devs", Kind.DECIMAL, "4"),
                  new Parameter("min-history", Kind.COUNT, "20"))),
          new Entry(
              IMPOSSIBLE_TRAVEL,
              "Two movements of one customer from places too far apart for the time between them",
              60,
              Severity.HIGH,
              List.of(new Parameter("max-speed-kmh", Kind.DECIMAL, "900"))),
          new Entry(
              NEW_DEVICE_HIGH_VALUE,
              "A device never seen on the account, with a high amount",
              30,
              Severity.MEDIUM,
              List.of(new Parameter("min-amount", Kind.AMOUNT, "1000.00"))),
          new Entry(
              DORMANT_REACTIVATION,
              "First activity on an account after a long silence, with a high amount",
              40,
              Severity.MEDIUM,
              List.of(
                  new Parameter("dormant-for", Kind.DURATION, "P180D"),
                  new Parameter("min-amount", Kind.AMOUNT, "1000.00"))),
          new Entry(
              RAPID_PASS_THROUGH,
              "Most of an incoming amount leaves the account again soon after",
              60,
              Severity.HIGH,
              List.of(
                  new Parameter("min-ratio", Kind.DECIMAL, "0.80"),
                  new Parameter("window", Kind.DURATION, "PT1H"))),
          new Entry(
              SANCTIONS_MATCH,
              "Counterparty name matches a sanctions-list entry (Jaro-Winkler after normalising)",
              100,
              Severity.CRITICAL,
              List.of(new Parameter("min-similarity", Kind.DECIMAL, "0.92"))),
          new Entry(
              HIGH_RISK_COUNTRY,
              "Counterparty in a high-risk jurisdiction (FATF call for action)",
              50,
              Severity.HIGH,
              List.of(new Parameter("countries", Kind.COUNTRIES, "KP,IR,MM"))));

  private RuleCatalog() {}

  /** Every rule, in a stable order. */
  public static List<Entry> entries() {
    return ENTRIES;
  }

  public static Optional<Entry> entry(String id) {
    return ENTRIES.stream().filter(entry -> entry.id().equals(id)).findFirst();
  }
}
