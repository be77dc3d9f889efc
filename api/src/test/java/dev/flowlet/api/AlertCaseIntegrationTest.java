package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.Alert;
import dev.flowlet.events.Topics;
import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/** Alerts from Kafka become cases; closing a high-severity case needs a second person. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class AlertCaseIntegrationTest {

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;

  AlertCaseIntegrationTest(@LocalServerPort int port, JdbcClient jdbc, PasswordEncoder passwords) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  @Test
  void aHighAlertIsAssignedInvestigatedAndClosedUnderFourEyes() {
    String alertId = raise(Alert.Severity.HIGH);
    String officer = api.token("demo-officer");
    String approver = api.token("demo-approver");
    awaitCase(alertId, officer);

    ApiClient.Response assigned =
        api.post(
            "/api/v1/alerts/" + alertId + "/assign", officer, "{\"assignee\":\"demo-officer\"}");
    ApiClient.Response investigating =
        api.post(
            "/api/v1/alerts/" + alertId + "/investigate",
            officer,
            "{\"note\":\"calling the branch\"}");
    ApiClient.Response requested =
        api.post(
            "/api/v1/alerts/" + alertId + "/close",
            officer,
            "{\"as\":\"FALSE_POSITIVE\",\"note\":\"salary from a known employer\"}");
    ApiClient.Response byTheOfficer =
        api.post("/api/v1/alerts/" + alertId + "/close/approve", officer, "{}");
    ApiClient.Response approved =
        api.post("/api/v1/alerts/" + alertId + "/close/approve", approver, "{\"note\":\"agreed\"}");

    assertThat(assigned.json().get("status").asString()).isEqualTo("ASSIGNED");
    assertThat(investigating.json().get("status").asString()).isEqualTo("INVESTIGATING");
    assertThat(requested.json().get("status").asString()).isEqualTo("CLOSE_REQUESTED");
    assertThat(byTheOfficer.status()).isEqualTo(403);
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    JsonNode closed = approved.json();
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("closedAs").asString()).isEqualTo("FALSE_POSITIVE");
    assertThat(closed.get("closedBy").asString()).isEqualTo("demo-approver");
    assertThat(closed.get("history").valueStream().map(e -> e.get("action").asString()))
        .containsExactly("alert.assign", "alert.investigate", "alert.close", "alert.approve_close");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_logs where resource_id = ? and action like 'alert.%'")
                .param(alertId)
                .query(Long.class)
                .single())
        .isEqualTo(4);
    assertThat(
            api.post("/api/v1/alerts/" + alertId + "/notes", officer, "{\"note\":\"late\"}")
                .status())
        .isEqualTo(409);
  }

  @Test
  void nobodyApprovesTheClosureTheyRequested() {
    jdbc.sql(
            "insert into staff_users (username, password_hash, roles) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(
            "case-both-hats",
            passwords.encode(ApiClient.DEMO_PASSWORD),
            "COMPLIANCE_OFFICER,APPROVER")
        .update();
    String both = api.token("case-both-hats");
    String alertId = raise(Alert.Severity.CRITICAL);
    awaitCase(alertId, both);

    api.post(
        "/api/v1/alerts/" + alertId + "/close",
        both,
        "{\"as\":\"TRUE_POSITIVE\",\"note\":\"confirmed with the customer\"}");
    ApiClient.Response own = api.post("/api/v1/alerts/" + alertId + "/close/approve", both, "{}");

    assertThat(own.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/alerts/" + alertId, both).json().get("status").asString())
        .isEqualTo("CLOSE_REQUESTED");
  }

  @Test
  void aLowAlertClosesAtOnceAndOpenCasesAreCountedBySeverity() {
    String alertId = raise(Alert.Severity.LOW);
    String officer = api.token("demo-officer");
    awaitCase(alertId, officer);

    ApiClient.Response closed =
        api.post(
            "/api/v1/alerts/" + alertId + "/close",
            officer,
            "{\"as\":\"FALSE_POSITIVE\",\"note\":\"test transaction\"}");

    assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
    assertThat(api.get("/metrics", null).body())
        .contains("flowlet_alerts_open{")
        .contains("flowlet_alerts_oldest_open_age_seconds");
  }

  private void awaitCase(String alertId, String token) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/alerts/" + alertId, token).status() == 200);
  }

  private static String raise(Alert.Severity severity) {
    String alertId = UUID.randomUUID().toString();
    Alert alert =
        new Alert(
            Alert.SCHEMA_VERSION,
            alertId,
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            "LARGE_AMOUNT",
            severity,
            "Amount 15000.00 EUR is at or above the large-amount threshold of 10000.00",
            Instant.now());
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            FlowletInfrastructure.shared().kafkaBootstrapServers());
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ALERTS.name(),
                  alertId,
                  Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return alertId;
  }
}
