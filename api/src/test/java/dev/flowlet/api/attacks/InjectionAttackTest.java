package dev.flowlet.api.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.attacks.Targets.Ids;
import dev.flowlet.api.auth.DeclaredAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Fixtures fixtures;

  InjectionAttackTest(@LocalServerPort int port, JdbcTemplate jdbc) {
    this.client = new AttackClient(port);
    this.database = new DatabaseState(jdbc);
    this.operations = ApiOperations.of(client);
    this.fixtures = Fixtures.of(client);
    this.targets = new Targets(fixtures);
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
      Optional<Caller> caller = admitted(operation);
      String path = targets.path(operation, Ids.EXISTING).orElseThrow();
      if (caller.isEmpty()) {
        continue;
      }
      String token = tokens.computeIfAbsent(caller.get(), client::token);
      for (JsonNode parameter : operation.parameters("query")) {
        String name = parameter.path("name").asString();
        String innocent = Targets.plausible(operation.document().resolve(parameter.path("schema")));
        AttackClient.Response baseline = client.get(withParameter(path, name, innocent), token);
        for (String payload : Payloads.INJECTIONS) {
          AttackClient.Response answer = client.get(withParameter(path, name, payload), token);
          AttackClient.Response after = client.get(withParameter(path, name, innocent), token);
          probes++;
          String what =
              "GET %s ?%s=%s as %s: %s"
                  .formatted(
                      operation.template(), name, abbreviated(payload), caller.get(), answer);
          assertSafe(softly, what, payload, answer, baseline, after);
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
      Optional<Caller> caller = admitted(operation);
      if (caller.isEmpty() || operation.template().endsWith("/logout")) {
        continue;
      }
      String path = targets.path(operation, Ids.EXISTING).orElseThrow();
      String token =
          caller.get() == Caller.ANONYMOUS
              ? null
              : tokens.computeIfAbsent(caller.get(), client::token);
      for (String field : freeTextFields(operation.bodySchema(), 0)) {
        for (String payload : Payloads.INJECTIONS) {
          String body = bodies.body(operation, Map.of(field, payload));
          AttackClient.Response answer = client.json(operation.method(), path, token, body);
          probes++;
          String what =
              "%s %s with %s=%s as %s: %s"
                  .formatted(
                      operation.method(), path, field, abbreviated(payload), caller.get(), answer);
          softly.assertThat(answer.status()).as(what).isLessThan(500);
          if (answer.status() >= 400) {
            softly.assertThat(answer.isProblem()).as(what + " is problem+json").isTrue();
            if (Payloads.isDistinctive(payload)) {
              softly
                  .assertThat(answer.body())
                  .as(what + " echoes the payload")
                  .doesNotContain(payload);
            }
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
      String what = "customer named " + abbreviated(payload) + ": " + created;
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

  private void assertSafe(
      SoftAssertions softly,
      String what,
      String payload,
      AttackClient.Response answer,
      AttackClient.Response baseline,
      AttackClient.Response after) {
    softly.assertThat(answer.status()).as(what).isLessThan(500);
    if (answer.status() >= 400) {
      softly.assertThat(answer.status()).as(what).isLessThan(500);
      softly.assertThat(answer.isProblem()).as(what + " is problem+json").isTrue();
      if (Payloads.isDistinctive(payload)) {
        softly.assertThat(answer.body()).as(what + " echoes the payload").doesNotContain(payload);
      }
      return;
    }
    softly
        .assertThat(baseline.status() < 300 || after.status() < 300)
        .as(what + ": a payload succeeds where an innocent value fails (" + baseline + ")")
        .isTrue();
    softly
        .assertThat(items(answer))
        .as(what + ": more items than for an innocent value")
        .isLessThanOrEqualTo(Math.max(items(baseline), items(after)));
    if (Payloads.isDistinctive(payload) && !after.body().contains(payload)) {
      softly.assertThat(answer.body()).as(what + " echoes the payload").doesNotContain(payload);
    }
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

  /** The first caller the matrix admits, preferring a signed-in one. */
  private Optional<Caller> admitted(ApiOperations.Operation operation) {
    String path = targets.path(operation, Ids.EXISTING).orElseThrow();
    int query = path.indexOf('?');
    Optional<DeclaredAccess.Expectation> expected =
        DeclaredAccess.of(operation.method(), query < 0 ? path : path.substring(0, query));
    if (expected.isEmpty()) {
      return Optional.empty();
    }
    return Arrays.stream(Caller.values())
        .filter(
            caller ->
                caller == Caller.ANONYMOUS
                    ? expected.get().isPublic()
                    : expected.get().admits(caller.role))
        .findFirst();
  }

  /**
   * Names of the string properties (at any depth) that take free text: no format, enum or pattern.
   */
  private Set<String> freeTextFields(JsonNode schemaRef, int depth) {
    Set<String> fields = new LinkedHashSet<>();
    JsonNode schema = operations.resolve(schemaRef);
    if (depth > 5) {
      return fields;
    }
    schema
        .path("properties")
        .properties()
        .forEach(
            property -> {
              JsonNode value = operations.resolve(property.getValue());
              String type = value.path("type").asString("");
              if (type.equals("string")
                  && !value.has("format")
                  && !value.has("enum")
                  && !value.has("pattern")) {
                fields.add(property.getKey());
              } else if (type.equals("object") || value.has("properties")) {
                fields.addAll(freeTextFields(value, depth + 1));
              }
            });
    return fields;
  }

  private static String withParameter(String path, String name, String value) {
    return path
        + (path.contains("?") ? "&" : "?")
        + Targets.query(new java.util.LinkedHashMap<>(Map.of(name, value)));
  }

  /** Items in an answer: the length of a top-level array, or of the arrays an object holds. */
  private static int items(AttackClient.Response answer) {
    if (answer.status() >= 300 || !answer.contentType().contains("json")) {
      return 0;
    }
    JsonNode json = answer.json();
    if (json.isArray()) {
      return json.size();
    }
    List<Integer> sizes = new ArrayList<>();
    json.properties()
        .forEach(field -> sizes.add(field.getValue().isArray() ? field.getValue().size() : 0));
    return sizes.stream().mapToInt(Integer::intValue).sum();
  }

  private static String abbreviated(String payload) {
    String printable = payload.replace("\u0000", "\\0");
    return printable.length() > 40
        ? printable.substring(0, 40) + "...(" + payload.length() + ")"
        : printable;
  }
}
