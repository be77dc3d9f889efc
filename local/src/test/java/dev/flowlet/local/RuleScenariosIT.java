package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.local.PipelineClient.Movement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every screening rule provoked through the API with its shipped defaults, seen in the decision the
 * API shows and in Elasticsearch; and ordinary traffic that raises nothing. Movements carry their
 * own event time ({@code occurredAt}), as imports and replays do.
 */
class RuleScenariosIT {

  private static PipelineClient client;
  private static String operator;
  private static String auditor;
  private static final Instant BASE = Instant.now().minus(6, ChronoUnit.HOURS);

  @BeforeAll
  static void startPipeline() {
    client = new PipelineClient(RunningPipeline.shared());
    operator = client.token("demo-operator");
    auditor = client.token("demo-auditor");
  }

  @Test
  void structuringFiresOnTheThirdCashDepositJustUnderTheThreshold() {
    String account = newAccount();
    record(Movement.deposit(account, "9000.00").at(BASE));
    record(Movement.deposit(account, "9500.00").at(BASE.plus(1, ChronoUnit.HOURS)));
    String third = record(Movement.deposit(account, "9900.00").at(BASE.plus(2, ChronoUnit.HOURS)));

    assertFires(third, "STRUCTURING");
  }

  @Test
  void velocityCountFiresOnTheSixthOutgoingMovementInTenMinutes() {
    String account = newAccount();
    record(Movement.deposit(account, "500.00").at(BASE));
    List<String> outgoing = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      outgoing.add(
          record(Movement.withdrawal(account, "10.00").at(BASE.plus(i, ChronoUnit.MINUTES))));
    }

    assertSilent(outgoing.get(4), "VELOCITY_COUNT");
    assertFires(outgoing.get(5), "VELOCITY_COUNT");
  }

  @Test
  void velocityAmountFiresWhenOutgoingPasses20000InADay() {
    String account = newAccount();
    record(Movement.deposit(account, "30000.00").at(BASE));
    record(Movement.withdrawal(account, "7000.00").at(BASE.plus(1, ChronoUnit.HOURS)));
    String second =
        record(Movement.withdrawal(account, "7000.00").at(BASE.plus(2, ChronoUnit.HOURS)));
    String third =
        record(Movement.withdrawal(account, "7000.00").at(BASE.plus(3, ChronoUnit.HOURS)));

    assertSilent(second, "VELOCITY_AMOUNT");
    assertFires(third, "VELOCITY_AMOUNT");
  }

  @Test
  void amountAnomalyFiresFarAboveTheAccountsOwnHistory() {
    String account = newAccount();
    for (int i = 0; i < 20; i++) {
      record(Movement.deposit(account, (100 + i % 5) + ".00").at(BASE.plus(i, ChronoUnit.MINUTES)));
    }
    String outlier =
        record(Movement.deposit(account, "900.00").at(BASE.plus(30, ChronoUnit.MINUTES)));

    assertFires(outlier, "AMOUNT_ANOMALY");
  }

  @Test
  void impossibleTravelFiresBetweenGermanyAndAustraliaWithinAnHour() {
    String account = newAccount();
    record(Movement.deposit(account, "50.00").from("DE", "phone-1").at(BASE));
    String far =
        record(
            Movement.deposit(account, "50.00")
                .from("AU", "phone-1")
                .at(BASE.plus(45, ChronoUnit.MINUTES)));

    assertFires(far, "IMPOSSIBLE_TRAVEL");
  }

  @Test
  void newDeviceHighValueFiresForAnUnknownDeviceAndAHighAmount() {
    String account = newAccount();
    record(Movement.deposit(account, "50.00").from("DE", "phone-1").at(BASE));
    String stranger =
        record(
            Movement.deposit(account, "1500.00")
                .from("DE", "unknown-tablet")
                .at(BASE.plus(1, ChronoUnit.MINUTES)));

    assertFires(stranger, "NEW_DEVICE_HIGH_VALUE");
  }

  @Test
  void dormantReactivationFiresAfter200DaysOfSilence() {
    String account = newAccount();
    record(Movement.deposit(account, "50.00").at(BASE.minus(200, ChronoUnit.DAYS)));
    String reactivated = record(Movement.deposit(account, "1500.00").at(BASE));

    assertFires(reactivated, "DORMANT_REACTIVATION");
  }

  @Test
  void rapidPassThroughFiresWhenMostOfAnIncomingAmountLeavesWithinAnHour() {
    String account = newAccount();
    String other = newAccount();
    record(Movement.deposit(account, "5000.00").at(BASE));
    String outflow =
        record(
            Movement.withdrawal(account, "4500.00")
                .transferTo(other)
                .at(BASE.plus(20, ChronoUnit.MINUTES)));

    assertFires(outflow, "RAPID_PASS_THROUGH");
  }

  @Test
  void sanctionsMatchFiresOnAListedNameWrittenDifferently() {
    String account = newAccount();
    String listed =
        record(Movement.deposit(account, "50.00").to(SANCTIONED_NAME_VARIANT, "NL").at(BASE));

    assertFires(listed, "SANCTIONS_MATCH");
  }

  @Test
  void highRiskCountryFiresForACounterpartyInIran() {
    String account = newAccount();
    String risky =
        record(Movement.deposit(account, "50.00").to("Tehran Trading Co", "IR").at(BASE));

    assertFires(risky, "HIGH_RISK_COUNTRY");
  }

  @Test
  void anApprovedRuleChangeReachesTheRunningProcessorWithinSeconds() {
    String officer = client.token("demo-officer");
    String approver = client.token("demo-approver");
    String account = newAccount();
    String before = record(Movement.deposit(account, "50.00").to("Havana Imports", "CU").at(BASE));
    assertSilent(before, "HIGH_RISK_COUNTRY");

    String change =
        client
            .post(
                "/api/v1/rules/changes",
                officer,
                """
                {"rule":"HIGH_RISK_COUNTRY","parameters":{"countries":"KP,IR,MM,CU"},
                 "reason":"Add Cuba after the compliance committee of this week"}""",
                java.util.Map.of())
            .get("id")
            .asString();
    long version =
        client
            .post(
                "/api/v1/rules/changes/" + change + "/approve", approver, "{}", java.util.Map.of())
            .get("resultingVersion")
            .asLong();
    long approvedAt = System.nanoTime();

    JsonNode risk =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    client.awaitRisk(
                        record(
                            Movement.deposit(account, "50.00").to("Havana Imports", "CU").at(BASE)),
                        auditor),
                decided ->
                    decided.get("ruleVersions").get("HIGH_RISK_COUNTRY").asLong() == version);
    System.out.printf(
        "Approved rule change in force after %d ms%n",
        (System.nanoTime() - approvedAt) / 1_000_000);

    assertThat(risk.get("reasons").valueStream().map(reason -> reason.get("rule").asString()))
        .contains("HIGH_RISK_COUNTRY");
  }

  @Test
  void ordinaryTrafficRaisesNothing() {
    String salary = newAccount();
    String savings = client.openEuroAccountFor(operator, client.customerOf(operator, salary));
    List<String> transactions = new ArrayList<>();
    transactions.add(
        record(Movement.deposit(salary, "3200.00").to("Acme Payroll GmbH", "DE").at(BASE)));
    transactions.add(
        record(Movement.withdrawal(salary, "60.00").at(BASE.plus(2, ChronoUnit.HOURS))));
    transactions.add(
        record(
            Movement.withdrawal(salary, "42.90")
                .withType("CARD_PAYMENT")
                .to("Bakery Schmidt", "DE")
                .at(BASE.plus(3, ChronoUnit.HOURS))));
    transactions.add(
        record(
            Movement.withdrawal(salary, "500.00")
                .transferTo(savings)
                .at(BASE.plus(4, ChronoUnit.HOURS))));

    for (String transaction : transactions) {
      JsonNode risk = client.awaitRisk(transaction, auditor);
      assertThat(risk.get("outcome").asString()).as(risk.toString()).isEqualTo("APPROVE");
      assertThat(risk.get("reasons")).as(risk.toString()).isEmpty();
    }
  }

  // "BANCO NACIONAL DE CUBA" in the shipped sample of the OFAC SDN list, words reordered.
  private static final String SANCTIONED_NAME_VARIANT = "Nacional de Cuba, Banco";

  private static String newAccount() {
    return client.openEuroAccount(operator, "Scenario Customer", "scenario@example.com", "DE");
  }

  private static String record(Movement movement) {
    return client.record(operator, movement);
  }

  private static void assertFires(String transaction, String rule) {
    JsonNode risk = client.awaitRisk(transaction, auditor);
    assertThat(risk.get("reasons").valueStream().map(reason -> reason.get("rule").asString()))
        .as(risk.toString())
        .contains(rule);
    assertThat(risk.get("ruleVersions").get(rule).asLong()).isPositive();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode hits =
                  client.search("flowlet-decisions-*", "transactionId", transaction).get("hits");
              assertThat(hits.get("hits")).as("decision indexed").hasSize(1);
              assertThat(
                      hits.get("hits")
                          .get(0)
                          .get("_source")
                          .get("reasons")
                          .valueStream()
                          .map(reason -> reason.get("rule").asString()))
                  .contains(rule);
            });
  }

  private static void assertSilent(String transaction, String rule) {
    JsonNode risk = client.awaitRisk(transaction, auditor);
    assertThat(risk.get("reasons").valueStream().map(reason -> reason.get("rule").asString()))
        .as(risk.toString())
        .doesNotContain(rule);
  }
}
