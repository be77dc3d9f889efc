package dev.flowlet.streams.screening;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The shipped rule parameters, so tests compute their edges from the catalog, not literals. */
final class Catalog {

  private Catalog() {}

  static String value(String rule, String parameter) {
    return RuleCatalog.entry(rule).orElseThrow().parameter(parameter).orElseThrow().defaultValue();
  }

  static BigDecimal amount(String rule, String parameter) {
    return new BigDecimal(value(rule, parameter));
  }

  static int count(String rule, String parameter) {
    return Integer.parseInt(value(rule, parameter));
  }

  static Duration duration(String rule, String parameter) {
    return Duration.parse(value(rule, parameter));
  }

  static BigDecimal decimal(String rule, String parameter) {
    return new BigDecimal(value(rule, parameter));
  }

  static int score(String rule) {
    return RuleCatalog.entry(rule).orElseThrow().score();
  }

  /** The defaults of {@code rule} changed as given, as version {@code version}. */
  static RuleDefinition changed(String rule, long version, Map<String, String> changes) {
    return changed(rule, version, true, changes);
  }

  static RuleDefinition changed(
      String rule, long version, boolean enabled, Map<String, String> changes) {
    RuleDefinition defaults = RuleCatalog.entry(rule).orElseThrow().defaults();
    Map<String, String> parameters = new HashMap<>(defaults.parameters());
    parameters.putAll(changes);
    return new RuleDefinition(
        RuleDefinition.SCHEMA_VERSION,
        rule,
        version,
        enabled,
        defaults.score(),
        defaults.severity(),
        Map.copyOf(parameters),
        "change-" + rule + "-" + version,
        "alice",
        "bob",
        Instant.parse("2026-11-25T09:00:00Z"));
  }
}
