package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/**
 * Consent per purpose: operators record grants and withdrawals, staff read the current state and
 * the history, every change is audited without personal data, and a withdrawal of device
 * fingerprinting stops Flowlet keeping transactions' device identifiers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ConsentApiIntegrationTest {

  private final ApiClient api;
  private final JdbcClient jdbc;

  ConsentApiIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void recordsGrantsAndWithdrawalsWithTheirHistoryAndAuditsThem() {
    String operator = api.token("demo-operator");
    String customer = api.createCustomer(operator);
    String path = "/api/v1/customers/" + customer + "/consents";

    JsonNode before = api.get(path, api.token("demo-auditor")).json();
    ApiClient.Response granted =
        api.post(path, operator, "{\"purpose\":\"MARKETING\",\"granted\":true,\"source\":\"WEB\"}");
    ApiClient.Response withdrawn =
        api.post(
            path, operator, "{\"purpose\":\"MARKETING\",\"granted\":false,\"source\":\"BRANCH\"}");
    ApiClient.Response read = api.get(path, api.token("demo-officer"));

    assertThat(before.get("current").get("MARKETING").get("granted").asBoolean()).isFalse();
    assertThat(before.get("current").get("MARKETING").get("recorded").asBoolean()).isFalse();
    assertThat(before.get("current").get("DEVICE_FINGERPRINTING").get("granted").asBoolean())
        .as("documented default for customers who never declared anything")
        .isTrue();
    assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
    assertThat(withdrawn.status()).isEqualTo(201);
    assertThat(read.status()).isEqualTo(200);
    JsonNode marketing = read.json().get("current").get("MARKETING");
    assertThat(marketing.get("granted").asBoolean()).isFalse();
    assertThat(marketing.get("recorded").asBoolean()).isTrue();
    assertThat(marketing.get("source").asString()).isEqualTo("BRANCH");
    JsonNode history = read.json().get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("granted").asBoolean()).isTrue();
    assertThat(history.get(0).get("source").asString()).isEqualTo("WEB");
    assertThat(history.get(0).get("recordedBy").asString()).isEqualTo("demo-operator");
    assertThat(history.get(0).get("recordedAt").asString()).isNotBlank();
    assertThat(history.get(1).get("granted").asBoolean()).isFalse();

    List<String> actions =
        jdbc.sql(
                "select action from audit_logs where subject_id = ? and action like 'consent.%'"
                    + " order by occurred_at")
            .param(customer)
            .query(String.class)
            .list();
    assertThat(actions)
        .containsExactly("consent.read", "consent.granted", "consent.withdrawn", "consent.read");
    List<String> details =
        jdbc.sql("select details::text from audit_logs where subject_id = ?")
            .param(customer)
            .query(String.class)
            .list();
    assertThat(details).noneMatch(d -> d.contains("Ada") || d.contains("ada@example.com"));
  }

  @Test
  void refusesAnUnknownPurposeAndAnUnknownCustomer() {
    String operator = api.token("demo-operator");
    String customer = api.createCustomer(operator);

    ApiClient.Response unknownPurpose =
        api.post(
            "/api/v1/customers/" + customer + "/consents",
            operator,
            "{\"purpose\":\"SELLING_SOULS\",\"granted\":true,\"source\":\"WEB\"}");
    ApiClient.Response unknownCustomer =
        api.post(
            "/api/v1/customers/" + UUID.randomUUID() + "/consents",
            operator,
            "{\"purpose\":\"MARKETING\",\"granted\":true,\"source\":\"WEB\"}");

    assertThat(unknownPurpose.status()).isEqualTo(400);
    assertThat(unknownPurpose.contentType()).startsWith("application/problem+json");
    assertThat(unknownPurpose.body()).contains("purpose").doesNotContain("SELLING_SOULS");
    assertThat(unknownCustomer.status()).isEqualTo(404);
  }

  @Test
  void withdrawingDeviceFingerprintingStopsKeepingDeviceIdentifiers() {
    String operator = api.token("demo-operator");
    String customer = api.createCustomer(operator);
    String account = api.openAccount(operator, customer, "EUR");
    String kept = deposit(operator, account, "device-kept-7f3a");

    api.post(
        "/api/v1/customers/" + customer + "/consents",
        operator,
        "{\"purpose\":\"DEVICE_FINGERPRINTING\",\"granted\":false,\"source\":\"PHONE\"}");
    String withheld = deposit(operator, account, "device-withheld-9c2e");

    assertThat(deviceOf(kept)).isEqualTo("device-kept-7f3a");
    assertThat(deviceOf(withheld)).isEqualTo("(none)");
    // The event carries the device as a pseudonym and sealed (never in clear), and only under
    // consent.
    assertThat(outboxPayloadOf(kept))
        .contains("\"sealedDeviceId\":{")
        .doesNotContain("\"deviceRef\":null")
        .doesNotContain("device-kept-7f3a");
    assertThat(outboxPayloadOf(withheld))
        .contains("\"deviceRef\":null", "\"sealedDeviceId\":null")
        .doesNotContain("device-withheld-9c2e");
    JsonNode read = api.get("/api/v1/transactions/" + withheld, operator).json();
    assertThat(read.get("channel").get("country").asString()).isEqualTo("GB");
    assertThat(read.toString()).doesNotContain("device-withheld-9c2e");

    api.post(
        "/api/v1/customers/" + customer + "/consents",
        operator,
        "{\"purpose\":\"DEVICE_FINGERPRINTING\",\"granted\":true,\"source\":\"WEB\"}");
    assertThat(deviceOf(deposit(operator, account, "device-again-1b4d")))
        .isEqualTo("device-again-1b4d");
  }

  private String deposit(String operator, String account, String device) {
    String body = ApiClient.deposit(account, "10.00").replaceAll("device-[0-9a-f-]{36}", device);
    ApiClient.Response created = api.postTransaction(operator, UUID.randomUUID().toString(), body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private String deviceOf(String transaction) {
    return jdbc.sql(
            "select coalesce(channel_device_id, '(none)') from transactions where id = ?::uuid")
        .param(transaction)
        .query(String.class)
        .single();
  }

  private String outboxPayloadOf(String transaction) {
    return jdbc.sql(
            "select payload from outbox where topic = 'flowlet.transactions.v1'"
                + " and payload like ?")
        .param("%" + transaction + "%")
        .query(String.class)
        .single();
  }
}
