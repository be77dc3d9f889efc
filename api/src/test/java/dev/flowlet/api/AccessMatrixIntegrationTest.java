package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * The role matrix, one line per endpoint: for every role, an allowed call gets past security (any
 * answer but 401/403: endpoints not built yet answer 404 or 405), any other role gets 403, and a
 * call without a token gets 401 unless the endpoint is public. A new endpoint is one more line.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = SecurityTestContexts.BEHIND_LOCAL_PROXY)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class AccessMatrixIntegrationTest {

  private static final String ID = "0d7b4a3e-2c51-4f0e-9a7b-3c1d2e4f5a6b";

  /** Who may call: a set of roles, everybody signed in, or anyone at all. */
  private enum Caller {
    OPERATOR,
    COMPLIANCE_OFFICER,
    APPROVER,
    AUDITOR,
    ADMIN
  }

  private static final Set<Caller> ANYONE = Set.of(Caller.values());
  private static final Set<Caller> NOBODY = Set.of();
  private static final Set<Caller> LEDGER_READERS =
      Set.of(Caller.OPERATOR, Caller.COMPLIANCE_OFFICER, Caller.AUDITOR);

  private record Line(String method, String path, Set<Caller> allowed, boolean isPublic) {}

  private static Line open(String method, String path) {
    return new Line(method, path, ANYONE, true);
  }

  private static Line line(String method, String path, Set<Caller> allowed) {
    return new Line(method, path, allowed, false);
  }

  private static Line line(String method, String path, Caller... allowed) {
    return line(method, path, Set.of(allowed));
  }

  private static final List<Line> MATRIX =
      List.of(
          open("POST", "/api/v1/auth/token"),
          open("POST", "/api/v1/auth/refresh"),
          open("GET", "/health"),
          open("GET", "/health/liveness"),
          open("GET", "/metrics"),
          open("GET", "/v3/api-docs"),
          open("GET", "/swagger-ui/index.html"),
          line("POST", "/api/v1/auth/logout", ANYONE),
          line("POST", "/api/v1/customers", Caller.OPERATOR),
          line("PATCH", "/api/v1/customers/" + ID, Caller.OPERATOR),
          line("GET", "/api/v1/customers/" + ID, LEDGER_READERS),
          line("POST", "/api/v1/accounts", Caller.OPERATOR),
          line("PATCH", "/api/v1/accounts/" + ID, Caller.OPERATOR),
          line("GET", "/api/v1/accounts/" + ID, LEDGER_READERS),
          line("POST", "/api/v1/transactions", Caller.OPERATOR),
          line("PATCH", "/api/v1/transactions/" + ID, Caller.OPERATOR),
          line("GET", "/api/v1/transactions/" + ID, LEDGER_READERS),
          line("GET", "/api/v1/transactions?limit=1", LEDGER_READERS),
          line("GET", "/api/v1/customers/" + ID + "/accounts", LEDGER_READERS),
          line("GET", "/api/v1/customers/" + ID + "/accounts/" + ID, LEDGER_READERS),
          line("POST", "/api/v1/transactions/" + ID + "/card/reveal", Caller.COMPLIANCE_OFFICER),
          line("GET", "/api/v1/alerts", Caller.COMPLIANCE_OFFICER, Caller.AUDITOR, Caller.APPROVER),
          line(
              "GET",
              "/api/v1/alerts/" + ID,
              Caller.COMPLIANCE_OFFICER,
              Caller.AUDITOR,
              Caller.APPROVER),
          line("POST", "/api/v1/alerts/" + ID + "/assign", Caller.COMPLIANCE_OFFICER),
          line("POST", "/api/v1/alerts/" + ID + "/close", Caller.COMPLIANCE_OFFICER),
          line("POST", "/api/v1/alerts/" + ID + "/close/approve", Caller.APPROVER),
          line("POST", "/api/v1/alerts/" + ID + "/close/reject", Caller.APPROVER),
          line("GET", "/api/v1/audit/events", Caller.COMPLIANCE_OFFICER, Caller.AUDITOR),
          line("GET", "/api/v1/compliance/audit", Caller.COMPLIANCE_OFFICER, Caller.AUDITOR),
          line("GET", "/api/v1/compliance/decisions", Caller.COMPLIANCE_OFFICER, Caller.AUDITOR),
          line("GET", "/api/v1/compliance/alerts", Caller.COMPLIANCE_OFFICER, Caller.AUDITOR),
          line("POST", "/api/v1/compliance/audit", NOBODY),
          line(
              "GET",
              "/api/v1/compliance/audit/" + ID + "/verification",
              Caller.COMPLIANCE_OFFICER,
              Caller.AUDITOR),
          line("GET", "/api/v1/rules", Caller.COMPLIANCE_OFFICER, Caller.APPROVER, Caller.AUDITOR),
          line("POST", "/api/v1/rules/changes", Caller.COMPLIANCE_OFFICER),
          line(
              "GET",
              "/api/v1/rules/changes",
              Caller.COMPLIANCE_OFFICER,
              Caller.APPROVER,
              Caller.AUDITOR),
          line(
              "GET",
              "/api/v1/rules/changes/" + ID,
              Caller.COMPLIANCE_OFFICER,
              Caller.APPROVER,
              Caller.AUDITOR),
          line("POST", "/api/v1/rules/changes/" + ID + "/approve", Caller.APPROVER),
          line("POST", "/api/v1/rules/changes/" + ID + "/reject", Caller.APPROVER),
          line("POST", "/api/v1/customers/" + ID + "/consents", Caller.OPERATOR),
          line("GET", "/api/v1/customers/" + ID + "/consents", LEDGER_READERS),
          line("POST", "/api/v1/privacy/requests", Caller.COMPLIANCE_OFFICER),
          line(
              "GET",
              "/api/v1/privacy/requests",
              Caller.COMPLIANCE_OFFICER,
              Caller.APPROVER,
              Caller.AUDITOR),
          line(
              "GET",
              "/api/v1/privacy/requests/" + ID,
              Caller.COMPLIANCE_OFFICER,
              Caller.APPROVER,
              Caller.AUDITOR),
          line("POST", "/api/v1/privacy/requests/" + ID + "/approve", Caller.APPROVER),
          line("POST", "/api/v1/privacy/requests/" + ID + "/reject", Caller.APPROVER),
          line("GET", "/api/v1/privacy/requests/" + ID + "/export", Caller.COMPLIANCE_OFFICER),
          line("DELETE", "/api/v1/privacy/requests/" + ID, NOBODY),
          line("GET", "/api/v1/users", Caller.ADMIN),
          line("POST", "/api/v1/users", Caller.ADMIN),
          line("GET", "/api/v1/users/demo-operator", Caller.ADMIN),
          line("PATCH", "/api/v1/users/nobody-" + ID, Caller.ADMIN),
          line("POST", "/api/v1/users/nobody-" + ID + "/unlock", Caller.ADMIN),
          line("POST", "/api/v1/admin/card-keys/rotate", Caller.ADMIN),
          line("GET", "/api/v1/admin/card-keys", NOBODY),
          line("DELETE", "/api/v1/customers/" + ID, NOBODY),
          line("PUT", "/api/v1/transactions/" + ID, NOBODY),
          line("POST", "/api/v1/jobs/gdprExportJob", NOBODY),
          line("GET", "/api/v2/anything", NOBODY));

  private static final Map<Caller, String> USERS =
      Map.of(
          Caller.OPERATOR, "demo-operator",
          Caller.COMPLIANCE_OFFICER, "demo-officer",
          Caller.APPROVER, "demo-approver",
          Caller.AUDITOR, "demo-auditor",
          Caller.ADMIN, "demo-admin");

  private final HttpCalls http;
  private final ApiClient api;

  AccessMatrixIntegrationTest(@LocalServerPort int port) {
    this.http = new HttpCalls(port);
    this.api = new ApiClient(port);
  }

  @Test
  void everyEndpointAdmitsExactlyTheRolesOfItsLine() {
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    USERS.forEach((caller, user) -> tokens.put(caller, api.token(user)));
    SoftAssertions softly = new SoftAssertions();

    for (Line line : MATRIX) {
      // Logging out spends the token: such a line gets fresh ones.
      boolean spendsToken = line.path().equals("/api/v1/auth/logout");
      for (Caller caller : Caller.values()) {
        String token = spendsToken ? api.token(USERS.get(caller)) : tokens.get(caller);
        ApiClient.Response answer = call(line, token);
        String what = "%s %s as %s: %s".formatted(line.method(), line.path(), caller, answer);
        if (line.allowed().contains(caller)) {
          softly.assertThat(answer.status()).as(what).isNotIn(401, 403);
        } else {
          softly.assertThat(answer.status()).as(what).isEqualTo(403);
          softly.assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        }
      }
      ApiClient.Response anonymous = call(line, null);
      String what = "%s %s without a token: %s".formatted(line.method(), line.path(), anonymous);
      if (line.isPublic()) {
        softly.assertThat(anonymous.status()).as(what).isNotIn(401, 403);
      } else {
        softly.assertThat(anonymous.status()).as(what).isEqualTo(401);
      }
    }
    softly.assertAll();
  }

  @Test
  void refusesATokenSignedWithAnotherKey() {
    String token = api.token("demo-admin");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    assertThat(http.json("GET", "/api/v1/users", forged, null).status()).isEqualTo(401);
  }

  private ApiClient.Response call(Line line, String token) {
    boolean hasBody = !line.method().equals("GET") && !line.method().equals("DELETE");
    return http.json(line.method(), line.path(), token, hasBody ? "{}" : null, Map.of());
  }
}
