package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.local.PipelineClient.Movement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Compliance search over the whole pipeline, all real: what the API does, the streams processor
 * decides and raises, and its sink indexes, is found through {@code /api/v1/compliance/*} by actor,
 * subject and time within seconds.
 */
class ComplianceSearchEndToEndIT {

  private static PipelineClient client;

  @BeforeAll
  static void startPipeline() {
    client = new PipelineClient(RunningPipeline.shared());
  }

  @Test
  void findsALargeDepositsAuditTrailDecisionAndAlertByActorSubjectAndTime() {
    String operator = client.token("demo-operator");
    String officer = client.token("demo-officer");
    Instant from = Instant.now().minusSeconds(1);
    String account = client.openEuroAccount(operator, "Ada Lovelace", "ada@example.com", "GB");
    String customer = client.customerOf(operator, account);
    long postedAt = System.nanoTime();
    String transaction = client.record(operator, Movement.deposit(account, "15000.00"));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(
                        actions(
                            "/api/v1/compliance/audit?actor=demo-operator&resource="
                                + transaction
                                + "&from="
                                + from
                                + "&to="
                                + Instant.now().plusSeconds(1),
                            officer))
                    .contains("transaction.created"));
    System.out.printf(
        "POST to audit event found through compliance search: %d ms%n",
        (System.nanoTime() - postedAt) / 1_000_000);
    assertThat(actions("/api/v1/compliance/audit?subject=" + customer, officer))
        .contains("customer.created");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<JsonNode> decisions =
                  items("/api/v1/compliance/decisions?subject=" + customer, officer);
              assertThat(decisions).hasSize(1);
              assertThat(decisions.getFirst().get("transactionId").asString())
                  .isEqualTo(transaction);
              assertThat(decisions.getFirst().at("/reasons/0/rule").asString())
                  .isEqualTo("LARGE_AMOUNT");
              List<JsonNode> alerts =
                  items("/api/v1/compliance/alerts?subject=" + customer, officer);
              assertThat(alerts).hasSize(1);
              assertThat(alerts.getFirst().get("rule").asString()).isEqualTo("LARGE_AMOUNT");
            });
    assertThat(
            items(
                "/api/v1/compliance/decisions?subject=" + customer + "&q=threshold&action=REVIEW",
                officer))
        .hasSize(1);
    assertThat(items("/api/v1/compliance/decisions?subject=" + customer + "&q=sanctions", officer))
        .isEmpty();
  }

  private static List<String> actions(String path, String token) {
    return items(path, token).stream().map(item -> item.get("action").asString()).toList();
  }

  private static List<JsonNode> items(String path, String token) {
    List<JsonNode> items = new ArrayList<>();
    client.get(path, token).get("items").forEach(items::add);
    return items;
  }
}
