package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/**
 * Compliance search against the real node: what the API audits is found by actor, subject and time;
 * decisions and alerts are found for a customer; paging, filters, free text, refusals and the audit
 * of every search. The api context runs no streams processor: {@link SearchIndexes} indexes what
 * its sink would (the audit topic's events, and decisions and alerts built for transactions
 * recorded through the API).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ComplianceSearchIntegrationTest {

  private static final String AUDIT = "/api/v1/compliance/audit";
  private static final String DECISIONS = "/api/v1/compliance/decisions";
  private static final String ALERTS = "/api/v1/compliance/alerts";

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final SearchIndexes indexes;

  ComplianceSearchIntegrationTest(
      @LocalServerPort int port, JdbcClient jdbc, ElasticsearchClient elasticsearch) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.indexes = new SearchIndexes(elasticsearch);
  }

  @Test
  void findsAnActionDoneThroughTheApiByActorSubjectAndTimeWithinSeconds() {
    Instant before = Instant.now().minusSeconds(1);
    String operator = api.token("demo-operator");
    String customer = api.createCustomer(operator);
    String account = api.openAccount(operator, customer, "EUR");
    String transaction =
        api.postTransaction(
                operator, UUID.randomUUID().toString(), ApiClient.deposit(account, "10.00"))
            .json()
            .get("id")
            .asString();
    Instant after = Instant.now().plusSeconds(1);
    String officer = api.token("demo-officer");

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              indexes.indexPublishedAuditEvents();
              assertThat(
                      ids(
                          search(
                              officer,
                              AUDIT,
                              "actor",
                              "demo-operator",
                              "subject",
                              customer,
                              "from",
                              before.toString(),
                              "to",
                              after.toString())))
                  .isNotEmpty();
            });

    List<JsonNode> bySubject = items(search(officer, AUDIT, "subject", customer, "limit", "200"));
    assertThat(bySubject)
        .extracting(item -> item.get("action").asString())
        .contains("customer.created");
    assertThat(bySubject)
        .allSatisfy(item -> assertThat(item.get("subjectId").asString()).isEqualTo(customer));
    JsonNode created =
        bySubject.stream()
            .filter(item -> item.get("action").asString().equals("customer.created"))
            .findFirst()
            .orElseThrow();
    assertThat(created.get("id").asString()).isEqualTo(created.get("eventId").asString());
    assertThat(created.get("actor").asString()).isEqualTo("demo-operator");
    assertThat(created.get("role").asString()).isEqualTo("OPERATOR");

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              indexes.indexPublishedAuditEvents();
              assertThat(
                      items(
                          search(
                              officer, AUDIT, "actor", "demo-operator", "resource", transaction)))
                  .extracting(item -> item.get("action").asString())
                  .containsExactly("transaction.created");
            });
    // The audit mapping has no analysed text: q matches whole values, here an action.
    assertThat(items(search(officer, AUDIT, "subject", customer, "q", "customer.created")))
        .extracting(item -> item.get("action").asString())
        .containsOnly("customer.created");
    // Filters combine: the right subject with another actor, or outside the time range, is nothing.
    assertThat(ids(search(officer, AUDIT, "actor", "demo-auditor", "subject", customer))).isEmpty();
    assertThat(
            ids(
                search(
                    officer,
                    AUDIT,
                    "subject",
                    customer,
                    "to",
                    before.minusSeconds(3600).toString())))
        .isEmpty();
  }

  @Test
  void pagesNewestFirstWithoutDuplicatesOrGapsAndRefusesTheCursorWithOtherFilters() {
    String actor = "pager-" + UUID.randomUUID();
    Instant base = Instant.parse("2026-10-15T12:00:00Z");
    // Pairs of events share their millisecond: the id orders them.
    List<AuditEvent> events =
        IntStream.range(0, 23)
            .mapToObj(i -> auditEvent(actor, "c-" + (i % 3), base.plusMillis(i / 2)))
            .toList();
    indexes.index(events.stream().map(SearchIndexes::audit).toList());
    List<String> expected =
        events.stream()
            .sorted(
                Comparator.comparing(AuditEvent::occurredAt)
                    .thenComparing(AuditEvent::eventId)
                    .reversed())
            .map(AuditEvent::eventId)
            .toList();
    String auditor = api.token("demo-auditor");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Response page =
          cursor == null
              ? search(auditor, AUDIT, "actor", actor, "limit", "5")
              : search(auditor, AUDIT, "actor", actor, "limit", "5", "cursor", cursor);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      seen.addAll(ids(page));
      JsonNode next = page.json().get("next");
      cursor = next.isNull() ? null : next.asString();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(5);
    assertThat(seen).containsExactlyElementsOf(expected);
    String firstCursor =
        search(auditor, AUDIT, "actor", actor, "limit", "5").json().get("next").asString();
    ApiClient.Response otherFilters =
        search(
            auditor, AUDIT, "actor", actor, "subject", "c-1", "limit", "5", "cursor", firstCursor);
    assertBadParameter(otherFilters, "cursor", firstCursor);
    assertThat(ids(search(auditor, AUDIT, "actor", actor, "subject", "c-1", "limit", "50")))
        .hasSize(8);
  }

  @Test
  void readsPastTenThousandHitsPageByPage() {
    String actor = "bulk-" + UUID.randomUUID();
    Instant base = Instant.parse("2019-01-10T00:00:00Z");
    List<AuditEvent> events =
        IntStream.range(0, 10_050)
            .mapToObj(i -> auditEvent(actor, null, base.plusSeconds(i)))
            .toList();
    indexes.index(events.stream().map(SearchIndexes::audit).toList());
    String auditor = api.token("demo-auditor");

    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Response page =
          cursor == null
              ? search(auditor, AUDIT, "actor", actor, "limit", "200")
              : search(auditor, AUDIT, "actor", actor, "limit", "200", "cursor", cursor);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      seen.addAll(ids(page));
      JsonNode next = page.json().get("next");
      cursor = next.isNull() ? null : next.asString();
      pages++;
    } while (cursor != null);

    assertThat(seen).hasSize(10_050);
    assertThat(pages).isEqualTo(51);
  }

  @Test
  void findsTheDecisionAndAlertOfACustomerAfterATransactionThatRaisesAnAlert() {
    String operator = api.token("demo-operator");
    String customer = api.createCustomer(operator);
    String account = api.openAccount(operator, customer, "EUR");
    String transaction =
        api.postTransaction(
                operator, UUID.randomUUID().toString(), ApiClient.deposit(account, "15000.00"))
            .json()
            .get("id")
            .asString();
    // What streams-processor's LARGE_AMOUNT rule decides and raises for that deposit.
    Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String detail = "Amount 15000.00 EUR is at or above the large-amount threshold of 10000.00 EUR";
    RiskDecision decision =
        new RiskDecision(
            RiskDecision.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            transaction,
            account,
            customer,
            60,
            RiskDecision.Outcome.REVIEW,
            List.of(new RiskDecision.Reason("LARGE_AMOUNT", detail, 60)),
            decidedAt.minusSeconds(1),
            decidedAt,
            Map.of("LARGE_AMOUNT", 1L));
    Alert alert =
        new Alert(
            Alert.SCHEMA_VERSION,
            UUID.nameUUIDFromBytes(("alert:LARGE_AMOUNT:" + account).getBytes()).toString(),
            transaction,
            account,
            customer,
            "LARGE_AMOUNT",
            Alert.Severity.HIGH,
            detail,
            decidedAt);
    indexes.index(
        List.of(
            new SearchIndexes.Document(
                "flowlet-decisions", decidedAt, decision.decisionId(), decision),
            new SearchIndexes.Document("flowlet-alerts", decidedAt, alert.alertId(), alert)));
    String officer = api.token("demo-officer");

    List<JsonNode> decisions = items(search(officer, DECISIONS, "subject", customer));
    List<JsonNode> alerts = items(search(officer, ALERTS, "subject", customer));

    assertThat(decisions).hasSize(1);
    assertThat(decisions.getFirst().get("id").asString()).isEqualTo(decision.decisionId());
    assertThat(decisions.getFirst().get("transactionId").asString()).isEqualTo(transaction);
    assertThat(decisions.getFirst().at("/reasons/0/rule").asString()).isEqualTo("LARGE_AMOUNT");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().get("id").asString()).isEqualTo(alert.alertId());
    assertThat(alerts.getFirst().get("severity").asString()).isEqualTo("HIGH");
    assertThat(ids(search(officer, DECISIONS, "subject", customer, "action", "LARGE_AMOUNT")))
        .containsExactly(decision.decisionId());
    assertThat(ids(search(officer, DECISIONS, "subject", customer, "action", "HOLD"))).isEmpty();
    assertThat(ids(search(officer, DECISIONS, "resource", transaction)))
        .containsExactly(decision.decisionId());
    assertThat(ids(search(officer, ALERTS, "resource", account, "action", "HIGH")))
        .containsExactly(alert.alertId());
    // Free text finds the decision by a word of its reason, within the customer's decisions.
    assertThat(ids(search(officer, DECISIONS, "subject", customer, "q", "threshold")))
        .containsExactly(decision.decisionId());
    assertThat(ids(search(officer, DECISIONS, "subject", customer, "q", "sanctions"))).isEmpty();
    assertThat(ids(search(officer, ALERTS, "subject", customer, "q", "large-amount threshold")))
        .containsExactly(alert.alertId());
  }

  @Test
  void auditsEverySearchWithTheSearcherAndTheHashOfTheFreeTextButNotTheText() {
    String subject = UUID.randomUUID().toString();
    String freeText = "Grace Hopper " + UUID.randomUUID();
    String auditor = api.token("demo-auditor");

    ApiClient.Response answer = search(auditor, DECISIONS, "subject", subject, "q", freeText);

    assertThat(answer.status()).isEqualTo(200);
    Map<String, Object> row =
        jdbc.sql(
                "select actor, role, resource_type, outcome, details::text as details"
                    + " from audit_logs where action = 'compliance.search' and subject_id = ?")
            .param(subject)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("actor", "demo-auditor")
        .containsEntry("role", "AUDITOR")
        .containsEntry("resource_type", "flowlet-decisions")
        .containsEntry("outcome", "SUCCESS");
    String details = (String) row.get("details");
    assertThat(details)
        .contains("\"qSha256\": \"" + sha256(freeText) + "\"")
        .contains("\"qLength\": \"" + freeText.length() + "\"")
        .contains("\"returned\": \"0\"")
        .contains(subject)
        .doesNotContain("Hopper");
    assertThat(
            jdbc.sql("select count(*) from audit_logs where details::text like ?")
                .param("%Hopper%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void refusesBadParametersWith400NamingThemWithoutEchoingTheirValue() {
    String officer = api.token("demo-officer");

    assertBadParameter(
        search(officer, AUDIT, "cursor", "bm90LWEtY3Vyc29y"), "cursor", "bm90LWEtY3Vyc29y");
    assertBadParameter(search(officer, AUDIT, "cursor", "%%%"), "cursor", "%%%");
    assertBadParameter(
        search(officer, AUDIT, "from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z"),
        "from",
        "2026-11-02");
    assertBadParameter(search(officer, AUDIT, "from", "last tuesday"), "from", "last tuesday");
    assertBadParameter(search(officer, ALERTS, "to", "2026-13-45T00:00:00Z"), "to", "2026-13-45");
    assertBadParameter(search(officer, DECISIONS, "limit", "0"), "limit", "\"0\"");
    assertBadParameter(search(officer, DECISIONS, "limit", "201"), "limit", "201");
    assertBadParameter(
        search(officer, DECISIONS, "actor", "demo-operator"), "actor", "demo-operator");
    assertBadParameter(search(officer, AUDIT, "subjet", "c-1"), "subjet", "c-1");
  }

  @Test
  void answersInjectionAndQuerySyntaxInEveryParameterWithNoHitsOr400NeverA500() {
    List<String> attacks =
        List.of(
            "' OR '1'='1",
            "1; DROP TABLE audit_logs; --",
            "\" OR \"\"=\"",
            "*",
            "actor:* OR subjectId:*",
            "((((((",
            "\"unterminated",
            "/[a-z/",
            "{\"match_all\":{}}",
            "\\",
            "a~999999 b^-1 c*?*",
            "<script>alert(1)</script>",
            "${jndi:ldap://x}");
    String officer = api.token("demo-officer");
    String nobody = UUID.randomUUID().toString();
    List<String> parameters =
        List.of("actor", "subject", "action", "resource", "from", "to", "q", "cursor", "limit");

    for (String path : List.of(AUDIT, DECISIONS, ALERTS)) {
      for (String parameter : parameters) {
        for (String attack : attacks) {
          // Scoped to a subject nobody has, so that any hit would be an injection at work.
          ApiClient.Response answer =
              parameter.equals("subject")
                  ? search(officer, path, parameter, attack)
                  : search(officer, path, "subject", nobody, parameter, attack);
          String what = path + " " + parameter + "=" + attack + ": " + answer;
          assertThat(answer.status()).as(what).isIn(200, 400);
          if (answer.status() == 200) {
            assertThat(items(answer)).as(what).isEmpty();
          } else {
            assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
            assertThat(answer.body()).as(what).doesNotContain(attack);
          }
        }
      }
    }
  }

  @Test
  void describesTheThreeSearchesAndTheirParametersInTheOpenApiDocument() {
    JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");

    for (String path : List.of(AUDIT, DECISIONS, ALERTS)) {
      JsonNode operation = paths.get(path).get("get");
      assertThat(operation.get("description").asString()).contains("All filters must hold");
      List<String> names = new ArrayList<>();
      operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asString()));
      assertThat(names)
          .containsExactlyInAnyOrder(
              "actor", "subject", "action", "resource", "from", "to", "q", "cursor", "limit");
    }
    assertThat(paths.get(DECISIONS).get("get").get("description").asString())
        .contains("subject = customerId");
  }

  private ApiClient.Response search(String token, String path, String... pairs) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, value) ->
            query
                .append(query.isEmpty() ? "?" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return api.get(path + query, token);
  }

  private static List<JsonNode> items(ApiClient.Response answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    answer.json().get("items").forEach(items::add);
    return items;
  }

  private static List<String> ids(ApiClient.Response answer) {
    return items(answer).stream().map(item -> item.get("id").asString()).toList();
  }

  private static void assertBadParameter(
      ApiClient.Response answer, String parameter, String value) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo(parameter);
    assertThat(answer.body()).doesNotContain(value);
  }

  private static AuditEvent auditEvent(String actor, String subject, Instant at) {
    return new AuditEvent(
        AuditEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        "api",
        at,
        actor,
        "OPERATOR",
        "customer.read",
        "customer",
        subject,
        subject,
        "SUCCESS",
        "10.0.0.1",
        UUID.randomUUID().toString(),
        Map.of());
  }

  private static String sha256(String text) throws RuntimeException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
