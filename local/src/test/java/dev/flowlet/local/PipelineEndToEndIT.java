package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.ports.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One transaction through the whole pipeline, all real: the api and streams-processor jars as child
 * JVMs, a real Kafka broker, Elasticsearch node and PostgreSQL database.
 */
class PipelineEndToEndIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<AppProcess> APPS = new ArrayList<>();
  private static AppProcess api;
  private static FlowletInfrastructure infrastructure;

  @BeforeAll
  static void startApps() throws IOException {
    infrastructure = FlowletInfrastructure.shared();
    Path root = Path.of(System.getProperty("flowlet.root", "..")).toAbsolutePath().normalize();
    Path work = Files.createTempDirectory("flowlet-e2e");
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "local");
    environment.put("FLOWLET_DB_URL", infrastructure.jdbcUrl());
    environment.put("FLOWLET_DB_USER", infrastructure.dbUsername());
    environment.put("FLOWLET_DB_PASSWORD", infrastructure.dbPassword());
    environment.put("FLOWLET_KAFKA_BOOTSTRAP", infrastructure.kafkaBootstrapServers());
    environment.put("FLOWLET_ES_URL", infrastructure.elasticsearchUrl());
    environment.put("FLOWLET_STREAMS_STATE_DIR", work.resolve("streams").toString());
    for (FlowletApp app : FlowletApp.values()) {
      int port = LoopbackPorts.pickFree();
      environment.put(app.portVariable, Integer.toString(port));
      AppProcess process =
          AppProcess.start(
              app.artifact,
              app.jar(root),
              environment,
              port,
              work.resolve(app.artifact + ".log"),
              Duration.ofMinutes(3));
      APPS.add(process);
      if (app == FlowletApp.API) {
        api = process;
      }
    }
  }

  @AfterAll
  static void stopApps() {
    APPS.reversed().forEach(AppProcess::close);
  }

  @Test
  void aLargeTransferIsDecidedExplainedAndAuditedInElasticsearch() throws Exception {
    String operator = token("demo-operator");
    String account = openEuroAccount(operator, "Grace Hopper", "grace@example.com", "US");

    String auditor = token("demo-auditor");
    long postedAt = System.nanoTime();
    String transaction = postTransfer(operator, account, "15000.00");
    JsonNode risk = awaitRisk(transaction, auditor);
    System.out.printf(
        "POST to decision visible in the API, first transaction: %d ms%n",
        (System.nanoTime() - postedAt) / 1_000_000);

    assertThat(risk.get("outcome").asString()).isEqualTo("REVIEW");
    assertThat(risk.get("score").asInt()).isPositive();
    assertThat(risk.get("reasons").get(0).get("rule").asString()).isEqualTo("LARGE_AMOUNT");
    assertThat(risk.get("reasons").get(0).get("detail").asString()).contains("15000.00 EUR");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(actionsAuditedFor(transaction))
                  .contains("transaction.created", "risk.decided");
              assertThat(hits("flowlet-alerts-*", "transactionId", transaction)).isEqualTo(1);
            });
  }

  @Test
  void decidesOrdinaryTransfersWithinSecondsAndApprovesThem() throws Exception {
    String operator = token("demo-operator");
    String auditor = token("demo-auditor");
    String account = openEuroAccount(operator, "Alan Turing", "alan@example.com", "GB");
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long postedAt = System.nanoTime();
      JsonNode risk = awaitRisk(postTransfer(operator, account, "42.50"), auditor);
      latencies.add((System.nanoTime() - postedAt) / 1_000_000);
      assertThat(risk.get("outcome").asString()).isEqualTo("APPROVE");
      assertThat(risk.get("reasons")).isEmpty();
    }
    latencies.sort(null);
    System.out.printf(
        "POST to decision visible in the API over %d transfers: median %d ms, max %d ms%n",
        latencies.size(), latencies.get(latencies.size() / 2), latencies.getLast());
  }

  @Test
  void everyAppServesHealthAndPrometheusMetrics() throws Exception {
    for (AppProcess app : APPS) {
      HttpResponse<String> health = raw(app.baseUrl() + "/health");
      HttpResponse<String> metrics = raw(app.baseUrl() + "/metrics");
      assertThat(health.statusCode()).as(app.name() + " /health").isEqualTo(200);
      assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
      assertThat(metrics.statusCode()).as(app.name() + " /metrics").isEqualTo(200);
      assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }
  }

  private static String openEuroAccount(String operator, String name, String email, String country)
      throws Exception {
    String customer =
        post(
                "/api/v1/customers",
                operator,
                "{\"name\":\"%s\",\"email\":\"%s\",\"country\":\"%s\"}"
                    .formatted(name, email, country),
                Map.of())
            .get("id")
            .asString();
    return post(
            "/api/v1/accounts",
            operator,
            "{\"customerId\":\"%s\",\"currency\":\"EUR\"}".formatted(customer),
            Map.of())
        .get("id")
        .asString();
  }

  private static String postTransfer(String token, String account, String amount) throws Exception {
    return post(
            "/api/v1/transactions",
            token,
            """
            {"accountId":"%s","type":"DEPOSIT","amount":"%s","currency":"EUR",
             "occurredAt":"%s","counterparty":{"name":"Northwind Traders","country":"NL"},
             "channel":{"country":"US","deviceId":"laptop-1"}}"""
                .formatted(account, amount, Instant.now().minusSeconds(30)),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .get("id")
        .asString();
  }

  private static JsonNode awaitRisk(String transaction, String token) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> get("/api/v1/transactions/" + transaction, token).get("risk"), r -> r != null);
  }

  private static List<String> actionsAuditedFor(String transactionId) throws Exception {
    JsonNode found = search("flowlet-audit-*", "resourceId", transactionId);
    List<String> actions = new ArrayList<>();
    found
        .get("hits")
        .get("hits")
        .forEach(hit -> actions.add(hit.get("_source").get("action").asString()));
    return actions;
  }

  private static long hits(String index, String field, String value) throws Exception {
    return search(index, field, value).get("hits").get("total").get("value").asLong();
  }

  private static JsonNode search(String index, String field, String value) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        infrastructure.elasticsearchUrl()
                            + "/"
                            + index
                            + "/_search?allow_no_indices=true"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"query\":{\"term\":{\"%s.keyword\":\"%s\"}}}".formatted(field, value)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String token(String user) throws Exception {
    return post(
            "/api/v1/auth/token",
            null,
            "{\"username\":\"%s\",\"password\":\"flowlet-demo\"}".formatted(user),
            Map.of())
        .get("access_token")
        .asString();
  }

  private static JsonNode post(String path, String token, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
    return JSON.readTree(response.body());
  }

  private static JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> raw(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
