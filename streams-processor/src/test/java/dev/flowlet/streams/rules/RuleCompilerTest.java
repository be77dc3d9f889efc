package dev.flowlet.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import dev.flowlet.streams.rules.travel.CountryCentroids;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleCompilerTest {

  private final RuleCompiler compiler =
      new RuleCompiler(
          new ReportingCurrency("EUR", Map.of("EUR", BigDecimal.ONE)),
          CountryCentroids.bundled(),
          SanctionsListFile.bundledSample(),
          false);

  @Test
  void compilesTheShippedDefaultsOfEveryCatalogRule() {
    RuleSet defaults = RuleSet.defaults(compiler);

    assertThat(defaults.enabled())
        .extracting(ActiveRule::id)
        .containsExactlyElementsOf(
            RuleCatalog.entries().stream().map(RuleCatalog.Entry::id).toList());
    assertThat(defaults.longestWindowMillis()).isEqualTo(24 * 3_600_000L);
  }

  @ParameterizedTest
  @CsvSource({
    "LARGE_AMOUNT, threshold, -1.00",
    "VELOCITY_COUNT, max-count, 0",
    "VELOCITY_COUNT, window, ten minutes",
    "AMOUNT_ANOMALY, std-devs, -4",
    "RAPID_PASS_THROUGH, min-ratio, 0",
    "SANCTIONS_MATCH, min-similarity, 1.5",
    "HIGH_RISK_COUNTRY, countries, 'KP,IRAN'",
    "STRUCTURING, max-amount, 7000.00"
  })
  void refusesAnUnusableParameterNamingItButNotItsValue(
      String rule, String parameter, String value) {
    RuleDefinition definition = with(rule, parameter, value);

    assertThatThrownBy(() -> compiler.compile(definition))
        .isInstanceOf(InvalidRuleDefinition.class)
        .hasMessageContaining(parameter)
        .hasMessageContaining(rule)
        .hasMessageNotContaining(value);
  }

  @Test
  void refusesADefinitionThatLacksAParameter() {
    RuleDefinition defaults = RuleCatalog.entry(RuleCatalog.LARGE_AMOUNT).orElseThrow().defaults();
    RuleDefinition lacking =
        new RuleDefinition(
            defaults.schemaVersion(),
            defaults.rule(),
            2,
            true,
            defaults.score(),
            defaults.severity(),
            Map.of(),
            "c",
            "a",
            "b",
            defaults.approvedAt());

    assertThatThrownBy(() -> compiler.compile(lacking))
        .hasMessage("LARGE_AMOUNT lacks the parameter 'threshold'");
  }

  private static RuleDefinition with(String rule, String parameter, String value) {
    RuleDefinition defaults = RuleCatalog.entry(rule).orElseThrow().defaults();
    Map<String, String> parameters = new HashMap<>(defaults.parameters());
    parameters.put(parameter, value);
    return new RuleDefinition(
        defaults.schemaVersion(),
        rule,
        2,
        true,
        defaults.score(),
        defaults.severity(),
        parameters,
        "change",
        "alice",
        "bob",
        defaults.approvedAt());
  }
}
