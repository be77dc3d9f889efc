package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/** Logins: lockout, no user enumeration, audit and metrics without passwords, hash upgrades. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = SecurityTestContexts.BEHIND_LOCAL_PROXY)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class LoginIntegrationTest {

  private static final String PASSWORD = "the-right-passphrase-42";
  private static final String WRONG = "Wrong-Guess-Number-";

  private final HttpCalls http;
  private final ApiClient api;
  private final JdbcClient jdbc;

  LoginIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.http = new HttpCalls(port);
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void locksAUserNameAfterFiveFailedLoginsSoEvenTheRightPasswordFails() {
    String admin = api.token("demo-admin");
    String username = http.createStaffUser(admin, "locked", PASSWORD, "OPERATOR");
    double lockoutsBefore = metric("flowlet_auth_lockouts_total\\{[^}]*}");

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(http.login(username, WRONG + attempt).status()).isEqualTo(401);
    }
    ApiClient.Response rightPassword = http.login(username, PASSWORD);

    assertThat(rightPassword.status()).isEqualTo(401);
    assertThat(audited(username, "auth.login_failed", "bad_credentials")).isEqualTo(5);
    assertThat(audited(username, "auth.locked_out", null)).isEqualTo(1);
    assertThat(audited(username, "auth.login_failed", "locked")).isEqualTo(1);
    assertThat(metric("flowlet_auth_lockouts_total\\{[^}]*}")).isEqualTo(lockoutsBefore + 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_logs where details::text like '%Wrong-Guess%'"
                        + " or details::text like '%right-passphrase%'")
                .query(Long.class)
                .single())
        .isZero();
    ApiClient.Response listed = http.json("GET", "/api/v1/users/" + username, admin, null);
    assertThat(listed.json().get("locked").asBoolean()).isTrue();

    ApiClient.Response unlocked =
        http.json("POST", "/api/v1/users/" + username + "/unlock", admin, null);

    assertThat(unlocked.status()).isEqualTo(200);
    assertThat(unlocked.json().get("locked").asBoolean()).isFalse();
    assertThat(http.login(username, PASSWORD).status()).isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_logs where action = 'staff_user.unlocked'"
                        + " and resource_id = ? and actor = 'demo-admin'")
                .param(username)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void doesNotLockAfterFourFailuresAndASuccessStartsTheCountAgain() {
    String admin = api.token("demo-admin");
    String username = http.createStaffUser(admin, "careless", PASSWORD, "OPERATOR");

    for (int attempt = 1; attempt <= 4; attempt++) {
      http.login(username, WRONG + attempt);
    }
    assertThat(http.login(username, PASSWORD).status()).isEqualTo(200);
    for (int attempt = 1; attempt <= 4; attempt++) {
      http.login(username, WRONG + attempt);
    }

    assertThat(http.login(username, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void answersUnknownAndLockedUserNamesExactlyLikeAWrongPassword() {
    String admin = api.token("demo-admin");
    String locked = http.createStaffUser(admin, "enum-locked", PASSWORD, "AUDITOR");
    String known = http.createStaffUser(admin, "enum-known", PASSWORD, "AUDITOR");
    for (int attempt = 1; attempt <= 5; attempt++) {
      http.login(locked, WRONG + attempt);
    }
    double unknownBefore =
        metric("flowlet_auth_login_failures_total\\{[^}]*reason=\"unknown_user\"[^}]*}");

    ApiClient.Response wrongPassword = http.login(known, WRONG);
    ApiClient.Response unknownUser = http.login("nobody-" + UUID.randomUUID(), WRONG);
    ApiClient.Response lockedUser = http.login(locked, PASSWORD);

    for (ApiClient.Response refused : new ApiClient.Response[] {unknownUser, lockedUser}) {
      assertThat(refused.status()).isEqualTo(wrongPassword.status()).isEqualTo(401);
      assertThat(refused.contentType()).isEqualTo(wrongPassword.contentType());
      assertThat(refused.body()).isEqualTo(wrongPassword.body());
    }
    assertThat(metric("flowlet_auth_login_failures_total\\{[^}]*reason=\"unknown_user\"[^}]*}"))
        .isEqualTo(unknownBefore + 1);
    assertThat(http.json("GET", "/metrics", null, null).body()).doesNotContain(known, locked);
  }

  @Test
  void upgradesABcryptHashToArgon2idAtTheNextLogin() {
    String username = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("insert into staff_users (username, password_hash, roles) values (?, ?, 'AUDITOR')")
        .params(username, "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD))
        .update();

    assertThat(http.login(username, PASSWORD).status()).isEqualTo(200);

    String hash =
        jdbc.sql("select password_hash from staff_users where username = ?")
            .param(username)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{argon2}$argon2id$");
    assertThat(http.login(username, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void recordsTheForwardedClientAddressFromATrustedProxyInTheAudit() {
    String requestId = "login-" + UUID.randomUUID();

    http.login(
        "demo-auditor",
        ApiClient.DEMO_PASSWORD,
        Map.of("X-Forwarded-For", "192.0.2.1, 198.51.100.23", "X-Request-Id", requestId));

    assertThat(
            jdbc.sql("select source_ip from audit_logs where request_id = ?")
                .param(requestId)
                .query(String.class)
                .single())
        .isEqualTo("198.51.100.23");
  }

  private long audited(String username, String action, String reason) {
    return jdbc.sql(
            "select count(*) from audit_logs where resource_id = ? and action = ?"
                + " and outcome = 'FAILURE' and (cast(? as text) is null or details->>'reason' = ?)")
        .params(username, action, reason, reason)
        .query(Long.class)
        .single();
  }

  private double metric(String series) {
    String body = http.json("GET", "/metrics", null, null).body();
    Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(body);
    assertThat(matcher.find()).as("metric %s in %n%s", series, body).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
