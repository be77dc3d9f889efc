package dev.flowlet.api.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.attacks.Targets.Ids;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * SQL and Elasticsearch query-syntax payloads in every query parameter of every GET operation of
 * the OpenAPI document, and in every free-text field of every request body, sent by a caller the
 * matrix admits. The answer is a 2xx with no more data than an innocent value of the same parameter
 * gets, or a 4xx problem+json that does not repeat the payload; never a 5xx; and no table is lost
 * or loses rows. The query parameters run first, so that no payload is stored yet that a search
 * could rightly find.
 */
@AttackTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectionAttackTest {

  private final AttackClient client;
  private final DatabaseState database;
  private final ApiOperations operations;
  private final Targets targets;
  private final RequestBodies bodies;
  private final Admission admission;

  InjectionAttackTest(@LocalServerPort int port, JdbcTemplate jdbc) {
    this.client = new AttackClient(port);
    this.database = new DatabaseState(jdbc);
    this.operations = ApiOperations.of(client);
    Fixtures fixtures = Fixtures.of(client);
    this.targets = new Targets(fixtures);
    this.admission = new Admission(targets);
    this.bodies = new RequestBodies(operations, fixtures);
  }

  @Test
  @Order(1)
  void everyQueryParameterOfEveryGetAnswersPayloadsWithNoExtraDataOrAProblemAndChangesNothing() {
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    Map<String, Long> countsBefore = database.rowCounts();
    Map<String, String> before = database.fingerprint();
    SoftAssertions softly = new SoftAssertions();
    int probes = 0;

    for (ApiOperations.Operation operation : operations.all()) {
      if (!operation.method().equals("GET")) {
        continue;
      }
      Optional<Caller> caller = admission.firstAdmitted(operation);
      String path = targets.path(operation, Ids.EXISTING).orElseThrow();
      if (caller.isEmpty()) {
        continue;
      }
      String token = tokens.computeIfAbsent(caller.get(), client::token);
      for (JsonNode parameter : operation.parameters("query")) {
        String name = parameter.path("name").asString();
        String innocent = Targets.plausible(operation.document().resolve(parameter.path("schema")));
        AttackClient.Response baseline =
            client.get(InjectionChecks.withParameter(path, name, innocent), token);
        for (String payload : Payloads.INJECTIONS) {
          AttackClient.Response answer =
              client.get(InjectionChecks.withParameter(path, name, payload), token);
          AttackClient.Response after =
              client.get(InjectionChecks.withParameter(path, name, innocent), token);
          probes++;
          String what =
              "GET %s ?%s=%s as %s: %s"
                  .formatted(
                      operation.template(),
                      name,
                      InjectionChecks.abbreviated(payload),
                      caller.get(),
                      answer);
          InjectionChecks.assertSafe(softly, what, payload, answer, baseline, after);
        }
      }
    }

    System.out.printf("injection: %d payloads in query parameters%n", probes);
    assertThat(probes).as("payloads sent in query parameters").isGreaterThan(100);
    softly.assertThat(database.fingerprint()).as("data after the GETs").isEqualTo(before);
    assertTablesIntact(softly, countsBefore);
    softly.assertAll();
  }

  @Test
  @Order(2)
  void everyFreeTextBodyFieldStoresPayloadsVerbatimOrRefusesThemAndLosesNoRows() {
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    Map<String, Long> countsBefore = database.rowCounts();
    SoftAssertions softly = new SoftAssertions();
    int probes = 0;

    for (ApiOperations.Operation operation : operations.all()) {
      if (!operation.writes() || operation.bodySchema() == null) {
        continue;
      }
      Optional<Caller> caller = admission.firstAdmitted(operation);
      if (caller.isEmpty() || operation.template().endsWith("/logout")) {
        continue;
      }
      String path = targets.path(operation, Ids.EXISTING).orElseThrow();
      String token =
          caller.get() == Caller.ANONYMOUS
              ? null
              : tokens.computeIfAbsent(caller.get(), client::token);
      for (String field : bodies.freeTextFields(operation.bodySchema(), 0)) {
        for (String payload : Payloads.INJECTIONS) {
          String body = bodies.body(operation, Map.of(field, payload));
          AttackClient.Response answer = client.json(operation.method(), path, token, body);
          probes++;
          String what =
              "%s %s with %s=%s as %s: %s"
                  .formatted(
                      operation.method(),
                      path,
                      field,
                      InjectionChecks.abbreviated(payload),
                      caller.get(),
                      answer);
          softly.assertThat(answer.status()).as(what).isLessThan(500);
          if (answer.status() >= 400) {
            InjectionChecks.assertRefusal(softly, what, payload, answer);
          }
        }
      }
    }

    System.out.printf("injection: %d payloads in body fields%n", probes);
    assertThat(probes).as("payloads sent in body fields").isGreaterThan(100);
    assertTablesIntact(softly, countsBefore);
    softly.assertAll();
  }

  @Test
  @Order(3)
  void storesACustomerNamedWithAPayloadVerbatimAndFindsNothingElseByIt() {
    String operator = client.token(Caller.OPERATOR);
    SoftAssertions softly = new SoftAssertions();
    long customers = database.rows("customers");
    int stored = 0;

    for (String payload : Payloads.INJECTIONS) {
      AttackClient.Response created =
          client.json(
              "POST",
              "/api/v1/customers",
              operator,
              AttackClient.JSON.writeValueAsString(
                  Map.of("name", payload, "email", "probe@example.com", "country", "GB")));
      String what = "customer named " + InjectionChecks.abbreviated(payload) + ": " + created;
      softly.assertThat(created.status()).as(what).isIn(201, 400);
      if (created.status() == 201) {
        stored++;
        AttackClient.Response read =
            client.get("/api/v1/customers/" + created.json().get("id").asString(), operator);
        softly.assertThat(read.json().get("name").asString()).as(what).isEqualTo(payload);
      } else {
        softly.assertThat(created.isProblem()).as(what).isTrue();
        softly.assertThat(created.body()).as(what).doesNotContain(payload);
      }
    }

    softly.assertThat(database.rows("customers")).isEqualTo(customers + stored);
    softly.assertThat(stored).as("payload names stored verbatim").isGreaterThan(5);
    softly.assertAll();
  }

  private void assertTablesIntact(SoftAssertions softly, Map<String, Long> countsBefore) {
    Map<String, Long> countsAfter = database.rowCounts();
    softly.assertThat(countsAfter.keySet()).as("tables").isEqualTo(countsBefore.keySet());
    countsBefore.forEach(
        (table, rows) ->
            softly
                .assertThat(countsAfter.getOrDefault(table, -1L))
                .as("rows of " + table)
                .isGreaterThanOrEqualTo(rows));
  }
}
