package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.events.Topics;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/** Rule changes under maker-checker, through the API to the rules topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class RuleChangeIntegrationTest {

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;

  RuleChangeIntegrationTest(@LocalServerPort int port, JdbcClient jdbc, PasswordEncoder passwords) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  @Test
  void publishesTheShippedDefaultsOfEveryRuleAsVersionOne() {
    String auditor = api.token("demo-auditor");

    JsonNode rules = api.get("/api/v1/rules", auditor).json();

    assertThat(rules.valueStream().map(rule -> rule.get("rule").asString()))
        .containsExactlyInAnyOrderElementsOf(
            RuleCatalog.entries().stream().map(RuleCatalog.Entry::id).toList());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(TopicReader.readAll(Topics.RULES))
                    .extracting(RuleDefinition::rule)
                    .containsAll(
                        RuleCatalog.entries().stream().map(RuleCatalog.Entry::id).toList()));
  }

  @Test
  void anApprovedChangeBecomesTheNextVersionOnTheRulesTopic() {
    String officer = api.token("demo-officer");
    String approver = api.token("demo-approver");

    ApiClient.Response proposed =
        api.post(
            "/api/v1/rules/changes",
            officer,
            """
            {"rule":"VELOCITY_COUNT","parameters":{"max-count":"3"},
             "reason":"Card-testing wave seen this week"}""");
    String id = proposed.json().get("id").asString();
    ApiClient.Response approved =
        api.post("/api/v1/rules/changes/" + id + "/approve", approver, "{\"reason\":\"agreed\"}");

    assertThat(proposed.status()).isEqualTo(201);
    assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");
    assertThat(proposed.json().get("parameters").get("window").asString()).isEqualTo("PT10M");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    long version = approved.json().get("resultingVersion").asLong();
    assertThat(version).isGreaterThan(RuleCatalog.DEFAULT_VERSION);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(TopicReader.readAll(Topics.RULES))
                    .anySatisfy(
                        definition -> {
                          assertThat(definition.rule()).isEqualTo("VELOCITY_COUNT");
                          assertThat(definition.version()).isEqualTo(version);
                          assertThat(definition.parameters()).containsEntry("max-count", "3");
                          assertThat(definition.proposedBy()).isEqualTo("demo-officer");
                          assertThat(definition.approvedBy()).isEqualTo("demo-approver");
                        }));
    assertThat(
            jdbc.sql("select action from audit_logs where resource_id = ? order by occurred_at")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("rule.change_proposed", "rule.change_approved");
    ApiClient.Response again = api.post("/api/v1/rules/changes/" + id + "/approve", approver, "{}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void nobodyApprovesTheirOwnProposal() {
    jdbc.sql(
            "insert into staff_users (username, password_hash, roles) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(
            "both-hats", passwords.encode(ApiClient.DEMO_PASSWORD), "COMPLIANCE_OFFICER,APPROVER")
        .update();
    String both = api.token("both-hats");

    String id =
        api.post(
                "/api/v1/rules/changes",
                both,
                "{\"rule\":\"LARGE_AMOUNT\",\"parameters\":{\"threshold\":\"5000.00\"},"
                    + "\"reason\":\"Lower threshold for the pilot\"}")
            .json()
            .get("id")
            .asString();
    ApiClient.Response own = api.post("/api/v1/rules/changes/" + id + "/approve", both, "{}");

    assertThat(own.status()).isEqualTo(403);
    assertThat(own.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/v1/rules/changes/" + id, both).json().get("status").asString())
        .isEqualTo("PENDING");
  }

  @Test
  void refusesUnknownRulesParametersAndValuesOfTheWrongKind() {
    String officer = api.token("demo-officer");

    ApiClient.Response unknownRule =
        api.post(
            "/api/v1/rules/changes",
            officer,
            "{\"rule\":\"NO_SUCH_RULE\",\"reason\":\"just testing this\"}");
    ApiClient.Response badValues =
        api.post(
            "/api/v1/rules/changes",
            officer,
            """
            {"rule":"VELOCITY_COUNT","parameters":{"max-count":"-1","window":"ten minutes",
             "colour":"red"},"reason":"just testing this"}""");

    assertThat(unknownRule.status()).isEqualTo(422);
    assertThat(badValues.status()).isEqualTo(422);
    List<String> fields =
        badValues.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "parameters.max-count", "parameters.window", "parameters.colour");
  }

  @Test
  void onlyOfficersProposeAndOnlyApproversDecide() {
    String operator = api.token("demo-operator");
    String officer = api.token("demo-officer");
    String id =
        api.post(
                "/api/v1/rules/changes",
                officer,
                "{\"rule\":\"HIGH_RISK_COUNTRY\",\"enabled\":false,\"reason\":\"switch off for test\"}")
            .json()
            .get("id")
            .asString();

    assertThat(
            api.post(
                    "/api/v1/rules/changes",
                    operator,
                    "{\"rule\":\"HIGH_RISK_COUNTRY\",\"reason\":\"not my job at all\"}")
                .status())
        .isEqualTo(403);
    assertThat(api.post("/api/v1/rules/changes/" + id + "/approve", officer, "{}").status())
        .isEqualTo(403);
  }
}
