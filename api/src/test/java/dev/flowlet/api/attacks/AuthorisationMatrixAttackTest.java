package dev.flowlet.api.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.attacks.Targets.Ids;
import dev.flowlet.api.auth.DeclaredAccess;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every operation of the OpenAPI document, called by every role and without a token, on the
 * fixtures' real ids, on ids of nothing and (nested under a customer) on another customer's ids.
 * The expected answer comes from the declared access matrix: a caller it does not admit gets
 * exactly 401 (no token) or 403 (wrong role) as problem+json, whatever the id, and the database is
 * unchanged afterwards; a caller it admits gets past security and never a 5xx.
 */
@AttackTest
class AuthorisationMatrixAttackTest {

  private final AttackClient client;
  private final DatabaseState database;
  private final ApiOperations operations;
  private final Targets targets;
  private final RequestBodies bodies;
  private final Admission admission;

  AuthorisationMatrixAttackTest(@LocalServerPort int port, JdbcTemplate jdbc) {
    this.client = new AttackClient(port);
    this.database = new DatabaseState(jdbc);
    this.operations = ApiOperations.of(client);
    Fixtures fixtures = Fixtures.of(client);
    this.targets = new Targets(fixtures);
    this.bodies = new RequestBodies(operations, fixtures);
    this.admission = new Admission(targets);
  }

  @Test
  void everyDocumentedOperationHasALineInTheAccessMatrix() {
    List<ApiOperations.Operation> all = operations.all();

    List<String> unmatched =
        all.stream()
            .filter(operation -> admission.expectation(operation).isEmpty())
            .map(String::valueOf)
            .toList();

    assertThat(all).as("operations in /v3/api-docs").hasSizeGreaterThan(30);
    assertThat(unmatched)
        .as(
            "operations in /v3/api-docs that no line of SecurityConfiguration.MATRIX matches"
                + " (the API denies them to everybody): give each a line")
        .isEmpty();
  }

  @Test
  void refusesEveryCallerTheMatrixDoesNotAdmitWithTheExactProblemAndChangesNothing() {
    Map<Caller, String> tokens = tokens();
    SoftAssertions softly = new SoftAssertions();
    int refusals = 0;

    for (ApiOperations.Operation operation : operations.all()) {
      Optional<DeclaredAccess.Expectation> expected = admission.expectation(operation);
      if (expected.isEmpty()) {
        continue;
      }
      for (Ids ids : Ids.values()) {
        Optional<String> path = targets.path(operation, ids);
        if (path.isEmpty()) {
          continue;
        }
        String body = bodies.body(operation, Map.of());
        Map<String, String> before = database.fingerprint();
        for (Caller caller : Caller.values()) {
          if (Admission.admits(expected.get(), caller)) {
            continue;
          }
          AttackClient.Response answer =
              client.json(operation.method(), path.get(), tokens.get(caller), body);
          refusals++;
          String what = "%s %s as %s: %s".formatted(operation.method(), path.get(), caller, answer);
          boolean anonymous = caller == Caller.ANONYMOUS;
          softly.assertThat(answer.status()).as(what).isEqualTo(anonymous ? 401 : 403);
          softly
              .assertThat(answer.problemType())
              .as(what)
              .isEqualTo(
                  "https://flowlet.dev/problems/" + (anonymous ? "unauthenticated" : "forbidden"));
        }
        softly
            .assertThat(database.fingerprint())
            .as("data after the refused calls of %s with %s ids", operation, ids)
            .isEqualTo(before);
      }
    }
    System.out.printf(
        "authorisation matrix: %d operations, %d refused calls%n",
        operations.all().size(), refusals);
    assertThat(refusals).as("refused calls made").isGreaterThan(100);
    softly.assertAll();
  }

  @Test
  void letsEveryAdmittedCallerPastSecurityAndAnswersIdsOfNothingOrOfAnotherCustomerWith4xx() {
    Map<Caller, String> tokens = tokens();
    SoftAssertions softly = new SoftAssertions();
    int admitted = 0;

    for (ApiOperations.Operation operation : operations.all()) {
      Optional<DeclaredAccess.Expectation> expected = admission.expectation(operation);
      if (expected.isEmpty()) {
        continue;
      }
      // Logging out spends the token: those calls get fresh ones.
      boolean spendsToken = operation.template().endsWith("/logout");
      for (Ids ids : Ids.values()) {
        Optional<String> path = targets.path(operation, ids);
        if (path.isEmpty()) {
          continue;
        }
        String body = bodies.body(operation, Map.of());
        for (Caller caller : Caller.values()) {
          if (!Admission.admits(expected.get(), caller)) {
            continue;
          }
          String token = spendsToken ? client.token(caller) : tokens.get(caller);
          AttackClient.Response answer = client.json(operation.method(), path.get(), token, body);
          admitted++;
          String what = "%s %s as %s: %s".formatted(operation.method(), path.get(), caller, answer);
          softly.assertThat(answer.status()).as(what).isLessThan(500);
          if (!expected.get().isPublic()) {
            softly.assertThat(answer.status()).as(what).isNotIn(401, 403);
          }
          if (ids != Ids.EXISTING) {
            softly.assertThat(answer.status()).as(what).isBetween(400, 499);
            softly.assertThat(answer.isProblem()).as(what + " is problem+json").isTrue();
            if (operation.method().equals("GET")) {
              softly.assertThat(answer.status()).as(what).isEqualTo(404);
            }
          }
        }
      }
    }
    System.out.printf("authorisation matrix: %d admitted calls%n", admitted);
    assertThat(admitted).as("admitted calls made").isGreaterThan(50);
    softly.assertAll();
  }

  private Map<Caller, String> tokens() {
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    for (Caller caller : Caller.values()) {
      if (caller != Caller.ANONYMOUS) {
        tokens.put(caller, client.token(caller));
      }
    }
    return tokens;
  }
}
