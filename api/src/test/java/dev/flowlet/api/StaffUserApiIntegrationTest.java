package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/** {@code /api/v1/users}: ADMINs manage staff users; every change is audited, no password leaks. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = SecurityTestContexts.BEHIND_LOCAL_PROXY)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class StaffUserApiIntegrationTest {

  private static final String PASSWORD = "Twelve-chars-at-least";

  private final HttpCalls http;
  private final ApiClient api;
  private final JdbcClient jdbc;

  StaffUserApiIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.http = new HttpCalls(port);
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void createsAStaffUserWhoCanLogInAndAuditsItWithoutThePassword() {
    String admin = api.token("demo-admin");
    String username = "officer-" + UUID.randomUUID().toString().substring(0, 8);

    ApiClient.Response created =
        http.json(
            "POST",
            "/api/v1/users",
            admin,
            """
            {"username":"%s","password":"%s","roles":["COMPLIANCE_OFFICER","AUDITOR"]}"""
                .formatted(username, PASSWORD));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + username);
    assertThat(created.json().get("roles").toString())
        .isEqualTo("[\"COMPLIANCE_OFFICER\",\"AUDITOR\"]");
    assertThat(created.json().get("enabled").asBoolean()).isTrue();
    assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("argon2");
    assertThat(http.login(username, PASSWORD).status()).isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_logs where action = 'staff_user.created'"
                        + " and resource_id = ? and actor = 'demo-admin' and role = 'ADMIN'")
                .param(username)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from audit_logs where details::text like ?")
                .param("%" + PASSWORD + "%")
                .query(Long.class)
                .single())
        .isZero();
    ApiClient.Response all = http.json("GET", "/api/v1/users", admin, null);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).contains(username, "demo-operator").doesNotContain("password");
  }

  @Test
  void refusesPasswordsShorterThanTwelveCharactersWithoutEchoingThem() {
    String admin = api.token("demo-admin");

    ApiClient.Response refused =
        http.json(
            "POST",
            "/api/v1/users",
            admin,
            "{\"username\":\"shorty\",\"password\":\"Elev3n-char\",\"roles\":[\"AUDITOR\"]}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    assertThat(refused.body()).doesNotContain("Elev3n-char");
    assertThat(http.json("GET", "/api/v1/users/shorty", admin, null).status()).isEqualTo(404);
  }

  @Test
  void refusesADuplicateUserNameAndAnUnknownRole() {
    String admin = api.token("demo-admin");

    ApiClient.Response duplicate =
        http.json(
            "POST",
            "/api/v1/users",
            admin,
            """
            {"username":"demo-operator","password":"%s","roles":["ADMIN"]}"""
                .formatted(PASSWORD));
    ApiClient.Response unknownRole =
        http.json(
            "POST",
            "/api/v1/users",
            admin,
            """
            {"username":"rooty","password":"%s","roles":["ROOT"]}"""
                .formatted(PASSWORD));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(unknownRole.status()).isEqualTo(400);
    assertThat(http.login("demo-operator", ApiClient.DEMO_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void changesRolesAndEnabledAndAuditsTheChange() {
    String admin = api.token("demo-admin");
    String username = http.createStaffUser(admin, "changing", PASSWORD, "AUDITOR");

    ApiClient.Response changed =
        http.json(
            "PATCH",
            "/api/v1/users/" + username,
            admin,
            "{\"roles\":[\"APPROVER\"],\"enabled\":true}");

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("roles").toString()).isEqualTo("[\"APPROVER\"]");
    assertThat(
            jdbc.sql(
                    "select details->>'roles' from audit_logs where action = 'staff_user.updated'"
                        + " and resource_id = ?")
                .param(username)
                .query(String.class)
                .single())
        .isEqualTo("APPROVER");
    assertThat(http.json("PATCH", "/api/v1/users/" + username, admin, "{}").status())
        .isEqualTo(422);
    assertThat(
            http.json("PATCH", "/api/v1/users/nobody-here", admin, "{\"enabled\":false}").status())
        .isEqualTo(404);
  }

  @Test
  void anAdminCannotDisableThemselvesOrDropTheirOwnAdminRole() {
    String admin = api.token("demo-admin");
    String second = http.createStaffUser(admin, "admin", PASSWORD, "ADMIN");
    String secondToken = http.login(second, PASSWORD).json().get("access_token").asString();

    ApiClient.Response disableSelf =
        http.json("PATCH", "/api/v1/users/" + second, secondToken, "{\"enabled\":false}");
    ApiClient.Response demoteSelf =
        http.json("PATCH", "/api/v1/users/" + second, secondToken, "{\"roles\":[\"AUDITOR\"]}");

    assertThat(disableSelf.status()).isEqualTo(409);
    assertThat(demoteSelf.status()).isEqualTo(409);
    assertThat(http.json("GET", "/api/v1/users/" + second, secondToken, null).status())
        .isEqualTo(200);
  }
}
