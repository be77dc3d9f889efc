package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.HIGH_RISK_COUNTRY;
import static dev.flowlet.events.RuleCatalog.LARGE_AMOUNT;
import static dev.flowlet.events.RuleCatalog.VELOCITY_COUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleDefinitionsTopologyTest {

  private final ScreeningDriver driver = new ScreeningDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void decidesWithTheShippedDefaultsAndNamesVersionOneOfEveryRule() {
    RiskDecision decision = driver.screen(Tx.transfer());

    assertThat(decision.ruleVersions())
        .hasSize(RuleCatalog.entries().size())
        .allSatisfy((rule, version) -> assertThat(version).isEqualTo(RuleCatalog.DEFAULT_VERSION));
  }

  @Test
  void usesAChangedThresholdForTheVeryNextTransaction() {
    RiskDecision before = driver.screen(Tx.transfer().amount("500.00"));

    driver.publish(Catalog.changed(LARGE_AMOUNT, 2, Map.of("threshold", "500.00")));
    RiskDecision after = driver.screen(Tx.transfer().amount("500.00"));

    assertThat(before.reasons()).isEmpty();
    assertThat(Reasons.detail(after, LARGE_AMOUNT)).endsWith("threshold of 500.00 EUR");
    assertThat(after.ruleVersions()).containsEntry(LARGE_AMOUNT, 2L);
  }

  @Test
  void takesScoreAndSeverityFromTheDefinition() {
    var changed = Catalog.changed(HIGH_RISK_COUNTRY, 2, Map.of());
    driver.publish(
        new dev.flowlet.events.RuleDefinition(
            changed.schemaVersion(),
            changed.rule(),
            changed.version(),
            true,
            7,
            dev.flowlet.events.Alert.Severity.LOW,
            changed.parameters(),
            changed.changeId(),
            changed.proposedBy(),
            changed.approvedBy(),
            changed.approvedAt()));

    RiskDecision decision = driver.screen(Tx.transfer().counterparty("Pyongyang Trading", "KP"));

    assertThat(decision.score()).isEqualTo(7);
    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.APPROVE);
    assertThat(driver.alerts().getFirst().severity())
        .isEqualTo(dev.flowlet.events.Alert.Severity.LOW);
  }

  @Test
  void ignoresADefinitionWithAnUnreadableParameterAndKeepsThePreviousVersion() {
    driver.publish(Catalog.changed(LARGE_AMOUNT, 2, Map.of("threshold", "500.00")));
    driver.publish(Catalog.changed(LARGE_AMOUNT, 3, Map.of("threshold", "a lot")));

    RiskDecision decision = driver.screen(Tx.transfer().amount("500.00"));

    assertThat(decision.ruleVersions()).containsEntry(LARGE_AMOUNT, 2L);
    assertThat(Reasons.rules(decision)).containsExactly(LARGE_AMOUNT);
  }

  @Test
  void ignoresARecordThatIsNotADefinitionAtAll() {
    driver.publishRaw(LARGE_AMOUNT, "{not json".getBytes(StandardCharsets.UTF_8));
    driver.publish(Catalog.changed(VELOCITY_COUNT, 2, Map.of("window", "-PT10M")));

    RiskDecision decision = driver.screen(Tx.transfer().amount("10000.00"));

    assertThat(decision.ruleVersions())
        .containsEntry(LARGE_AMOUNT, 1L)
        .containsEntry(VELOCITY_COUNT, 1L);
    assertThat(Reasons.rules(decision)).containsExactly(LARGE_AMOUNT);
  }

  @Test
  void ignoresADefinitionFiledUnderAnotherRulesKey() {
    driver.publishRaw(
        VELOCITY_COUNT,
        dev.flowlet.events.Topics.RULES
            .valueSerde()
            .serializer()
            .serialize("t", Catalog.changed(LARGE_AMOUNT, 2, Map.of("threshold", "1.00"))));

    RiskDecision decision = driver.screen(Tx.transfer().amount("5.00"));

    assertThat(decision.reasons()).isEmpty();
    assertThat(decision.ruleVersions()).containsEntry(LARGE_AMOUNT, 1L);
  }

  @Test
  void doesNotRunADisabledRuleNorNameItInTheDecision() {
    driver.publish(Catalog.changed(LARGE_AMOUNT, 2, false, Map.of()));

    RiskDecision decision = driver.screen(Tx.transfer().amount("15000.00"));

    assertThat(decision.reasons()).isEmpty();
    assertThat(decision.ruleVersions())
        .doesNotContainKey(LARGE_AMOUNT)
        .hasSize(RuleCatalog.entries().size() - 1);
  }

  @Test
  void returnsToTheShippedDefaultsWhenADefinitionIsDeleted() {
    driver.publish(Catalog.changed(LARGE_AMOUNT, 2, false, Map.of()));
    driver.publishRaw(LARGE_AMOUNT, null);

    RiskDecision decision = driver.screen(Tx.transfer().amount("15000.00"));

    assertThat(decision.ruleVersions()).containsEntry(LARGE_AMOUNT, 1L);
    assertThat(Reasons.rules(decision)).containsExactly(LARGE_AMOUNT);
  }
}
