package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class TransactionApiIntegrationTest {

  private final ApiClient api;
  private final JdbcClient jdbc;

  TransactionApiIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void recordsATransactionWithItsAuditRecordAndPublishesItToKafka() {
    String operator = api.token("demo-operator");
    String account = api.openAccount(operator, api.createCustomer(operator), "EUR");

    ApiClient.Response created =
        api.postTransaction(
            operator, UUID.randomUUID().toString(), ApiClient.deposit(account, "125.40"));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/v1/transactions/" + id);
    assertThat(created.json().get("amount").asString()).isEqualTo("125.40");
    assertThat(count("select count(*) from transactions where id = ?::uuid", id)).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from audit_logs where resource_id = ? and action = 'transaction.created'"
                    + " and actor = 'demo-operator' and role = 'OPERATOR'",
                id))
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(transactionIdsOnKafka()).contains(id));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(count("select count(*) from outbox where published_at is null", null))
                    .isZero());
  }

  @Test
  void answersARepeatedIdempotencyKeyWithTheFirstAnswerAndWritesNothing() {
    String operator = api.token("demo-operator");
    String account = api.openAccount(operator, api.createCustomer(operator), "EUR");
    String key = UUID.randomUUID().toString();
    String body = ApiClient.deposit(account, "99.99");

    ApiClient.Response first = api.postTransaction(operator, key, body);
    ApiClient.Response second = api.postTransaction(operator, key, body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(count("select count(*) from transactions where account_id = ?::uuid", account))
        .isEqualTo(1);
  }

  @Test
  void holdsIdempotencyUnderConcurrentDuplicates() throws Exception {
    String operator = api.token("demo-operator");
    String account = api.openAccount(operator, api.createCustomer(operator), "EUR");
    String key = UUID.randomUUID().toString();
    String body = ApiClient.deposit(account, "10.00");

    List<ApiClient.Response> answers = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      var futures =
          IntStream.range(0, 8)
              .mapToObj(i -> pool.submit(() -> api.postTransaction(operator, key, body)))
              .toList();
      for (var future : futures) {
        answers.add(future.get());
      }
    }

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
    assertThat(answers.stream().map(answer -> answer.json().get("id").asString()).distinct())
        .hasSize(1);
    assertThat(count("select count(*) from transactions where account_id = ?::uuid", account))
        .isEqualTo(1);
  }

  @Test
  void rejectsAReusedIdempotencyKeyWithADifferentBody() {
    String operator = api.token("demo-operator");
    String account = api.openAccount(operator, api.createCustomer(operator), "EUR");
    String key = UUID.randomUUID().toString();
    api.postTransaction(operator, key, ApiClient.deposit(account, "1.00"));

    ApiClient.Response reused =
        api.postTransaction(operator, key, ApiClient.deposit(account, "2.00"));

    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(count("select count(*) from transactions where account_id = ?::uuid", account))
        .isEqualTo(1);
  }

  @Test
  void answersBadInputWithProblemDetailsAndRecordsNothing() {
    String operator = api.token("demo-operator");
    String account = api.openAccount(operator, api.createCustomer(operator), "EUR");

    ApiClient.Response malformed =
        api.postTransaction(operator, "k-" + UUID.randomUUID(), "{\"accountId\":");
    ApiClient.Response tooPrecise =
        api.postTransaction(
            operator, "k-" + UUID.randomUUID(), ApiClient.deposit(account, "12.345"));
    ApiClient.Response zero =
        api.postTransaction(operator, "k-" + UUID.randomUUID(), ApiClient.deposit(account, "0.00"));
    ApiClient.Response unknownAccount =
        api.postTransaction(
            operator,
            "k-" + UUID.randomUUID(),
            ApiClient.deposit(UUID.randomUUID().toString(), "5.00"));
    ApiClient.Response withoutKey =
        api.post("/api/v1/transactions", operator, ApiClient.deposit(account, "5.00"));
    ApiClient.Response unknownType =
        api.postTransaction(
            operator,
            "k-" + UUID.randomUUID(),
            ApiClient.deposit(account, "5.00").replace("DEPOSIT", "TELEPORT"));

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(tooPrecise.status()).isEqualTo(422);
    assertThat(tooPrecise.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
    assertThat(zero.status()).isEqualTo(422);
    assertThat(unknownAccount.status()).isEqualTo(422);
    assertThat(unknownAccount.json().get("errors").get(0).get("field").asString())
        .isEqualTo("accountId");
    assertThat(withoutKey.status()).isEqualTo(422);
    assertThat(List.of(malformed, unknownType, tooPrecise, zero, unknownAccount, withoutKey))
        .allSatisfy(
            answer -> assertThat(answer.contentType()).startsWith("application/problem+json"));
    assertThat(count("select count(*) from transactions where account_id = ?::uuid", account))
        .isZero();
  }

  @Test
  void refusesRequestsWithoutATokenOrWithTheWrongRole() {
    String auditor = api.token("demo-auditor");

    ApiClient.Response anonymous = api.post("/api/v1/customers", null, "{}");
    ApiClient.Response forged = api.get("/api/v1/transactions/" + UUID.randomUUID(), "not.a.jwt");
    ApiClient.Response wrongRole =
        api.post(
            "/api/v1/customers",
            auditor,
            "{\"name\":\"Eve\",\"email\":\"eve@example.com\",\"country\":\"FR\"}");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(wrongRole.status()).isEqualTo(403);
    assertThat(wrongRole.contentType()).startsWith("application/problem+json");
    assertThat(count("select count(*) from customers where email = 'eve@example.com'", null))
        .isZero();
  }

  @Test
  void refusesAWrongPasswordAndAuditsTheAttemptWithoutThePassword() {
    ApiClient.Response refused =
        api.post(
            "/api/v1/auth/token",
            null,
            "{\"username\":\"demo-operator\",\"password\":\"guess-Secret-42\"}");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("guess-Secret-42");
    assertThat(
            count(
                "select count(*) from audit_logs where action = 'auth.login_failed'"
                    + " and resource_id = 'demo-operator'",
                null))
        .isPositive();
    assertThat(
            count(
                "select count(*) from audit_logs where details::text like '%guess-Secret%'", null))
        .isZero();
  }

  @Test
  void answersAnUnknownTransactionWith404() {
    ApiClient.Response missing =
        api.get("/api/v1/transactions/" + UUID.randomUUID(), api.token("demo-auditor"));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
  }

  @Test
  void servesHealthAndPrometheusMetrics() {
    ApiClient.Response health = api.get("/health", null);
    ApiClient.Response metrics = api.get("/metrics", null);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(api.get("/health/readiness", null).status()).isEqualTo(200);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("hikaricp_connections")
        .contains("flowlet_outbox_backlog")
        .contains("flowlet_outbox_oldest_age_seconds")
        .contains("http_server_requests_seconds_bucket");
  }

  private long count(String sql, String param) {
    var statement = jdbc.sql(sql);
    if (param != null) {
      statement = statement.param(param);
    }
    return statement.query(Long.class).single();
  }

  private List<String> transactionIdsOnKafka() {
    return TopicReader.readAll(Topics.TRANSACTIONS).stream()
        .map(TransactionRecorded::transactionId)
        .toList();
  }
}
