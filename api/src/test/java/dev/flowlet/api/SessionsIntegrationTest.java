package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/** Access and refresh tokens: rotation, re-use detection, logout and revocation bounds. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = SecurityTestContexts.BEHIND_LOCAL_PROXY)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class SessionsIntegrationTest {

  private static final String PASSWORD = "a-long-enough-passphrase";

  private final HttpCalls http;
  private final ApiClient api;
  private final JdbcClient jdbc;

  SessionsIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.http = new HttpCalls(port);
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void issuesAShortLivedAccessTokenWithJtiAndARefreshTokenStoredOnlyAsAHash() throws Exception {
    ApiClient.Response login = http.login("demo-auditor", ApiClient.DEMO_PASSWORD);

    assertThat(login.status()).isEqualTo(200);
    String access = login.json().get("access_token").asString();
    String refresh = login.json().get("refresh_token").asString();
    assertThat(login.json().get("token_type").asString()).isEqualTo("Bearer");
    assertThat(login.json().get("expires_in").asLong()).isEqualTo(900);
    assertThat(login.json().get("refresh_expires_in").asLong())
        .isBetween(8 * 3600L - 60, 8 * 3600L);
    var claims = HttpCalls.claims(access);
    assertThat(claims.get("jti").asString()).isNotBlank();
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(refresh.getBytes(StandardCharsets.UTF_8));
    assertThat(
            jdbc.sql("select count(*) from refresh_tokens where token_hash = ?")
                .param(hash)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from audit_logs where details::text like ?")
                .param("%" + refresh + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void rotatesTheRefreshTokenSoTheOldOneStopsWorking() {
    ApiClient.Response login = http.login("demo-auditor", ApiClient.DEMO_PASSWORD);
    String first = login.json().get("refresh_token").asString();

    ApiClient.Response rotated = http.refresh(first);

    assertThat(rotated.status()).isEqualTo(200);
    String second = rotated.json().get("refresh_token").asString();
    assertThat(second).isNotEqualTo(first);
    String access = rotated.json().get("access_token").asString();
    assertThat(HttpCalls.claims(access).get("roles").get(0).asString()).isEqualTo("AUDITOR");
    assertThat(api.get("/api/v1/transactions/" + UUID.randomUUID(), access).status())
        .isEqualTo(404);
    assertThat(rotated.json().get("refresh_expires_in").asLong())
        .isLessThanOrEqualTo(login.json().get("refresh_expires_in").asLong());
    assertThat(http.refresh(second).status()).isEqualTo(200);
  }

  @Test
  void revokesTheWholeSessionWhenARotatedRefreshTokenIsReused() {
    ApiClient.Response login = http.login("demo-auditor", ApiClient.DEMO_PASSWORD);
    String stolen = login.json().get("refresh_token").asString();
    ApiClient.Response legitimate = http.refresh(stolen);
    String current = legitimate.json().get("refresh_token").asString();
    String currentAccess = legitimate.json().get("access_token").asString();

    ApiClient.Response reuse = http.refresh(stolen);

    assertThat(reuse.status()).isEqualTo(401);
    assertThat(reuse.contentType()).startsWith("application/problem+json");
    assertThat(http.refresh(current).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/transactions/" + UUID.randomUUID(), currentAccess).status())
        .isEqualTo(401);
    assertThat(
            api.get(
                    "/api/v1/transactions/" + UUID.randomUUID(),
                    login.json().get("access_token").asString())
                .status())
        .isEqualTo(401);
    String session = HttpCalls.claims(currentAccess).get("sid").asString();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_logs where action = 'auth.refresh_token_reused'"
                        + " and outcome = 'FAILURE' and details->>'session' = ?")
                .param(session)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void refusesUnknownRefreshTokensLikeRevokedOnes() {
    ApiClient.Response unknown = http.refresh("not-a-refresh-token");
    ApiClient.Response missing = http.json("POST", "/api/v1/auth/refresh", null, "{}");

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().get("type").asString())
        .isEqualTo("https://flowlet.dev/problems/invalid-refresh-token");
    assertThat(missing.status()).isEqualTo(400);
  }

  @Test
  void logoutKillsTheAccessTokenAndTheSessionsRefreshToken() {
    ApiClient.Response login = http.login("demo-auditor", ApiClient.DEMO_PASSWORD);
    String access = login.json().get("access_token").asString();
    String refresh = login.json().get("refresh_token").asString();
    String transaction = "/api/v1/transactions/" + UUID.randomUUID();
    assertThat(api.get(transaction, access).status()).isEqualTo(404);

    ApiClient.Response logout = http.json("POST", "/api/v1/auth/logout", access, null);

    assertThat(logout.status()).isEqualTo(204);
    assertThat(api.get(transaction, access).status()).isEqualTo(401);
    assertThat(http.refresh(refresh).status()).isEqualTo(401);
    assertThat(http.json("POST", "/api/v1/auth/logout", access, null).status()).isEqualTo(401);
    String jti = HttpCalls.claims(access).get("jti").asString();
    assertThat(
            jdbc.sql("select count(*) from revoked_access_tokens where jti = ?")
                .param(jti)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void honoursARevocationWrittenByAnotherInstanceWithinTheRefreshInterval() {
    String access = api.token("demo-auditor");
    String transaction = "/api/v1/transactions/" + UUID.randomUUID();
    assertThat(api.get(transaction, access).status()).isEqualTo(404);
    var claims = HttpCalls.claims(access);

    // As another API instance's logout would: straight into PostgreSQL, this instance not told.
    jdbc.sql("insert into revoked_access_tokens (jti, expires_at) values (?, ?)")
        .params(
            claims.get("jti").asString(),
            Timestamp.from(Instant.ofEpochSecond(claims.get("exp").asLong())))
        .update();

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get(transaction, access).status() == 401);
  }

  @Test
  void stopsADisabledUsersTokensAndRefreshes() {
    String admin = api.token("demo-admin");
    String username = http.createStaffUser(admin, "disabled", PASSWORD, "AUDITOR");
    ApiClient.Response login = http.login(username, PASSWORD);
    String access = login.json().get("access_token").asString();
    String transaction = "/api/v1/transactions/" + UUID.randomUUID();
    assertThat(api.get(transaction, access).status()).isEqualTo(404);

    ApiClient.Response disabled =
        http.json("PATCH", "/api/v1/users/" + username, admin, "{\"enabled\":false}");

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
    assertThat(api.get(transaction, access).status()).isEqualTo(401);
    assertThat(http.refresh(login.json().get("refresh_token").asString()).status()).isEqualTo(401);
    assertThat(http.login(username, PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void changingRolesEndsTheUsersSessionsSoNewTokensCarryTheNewRoles() {
    String admin = api.token("demo-admin");
    String username = http.createStaffUser(admin, "promoted", PASSWORD, "AUDITOR");
    String before = http.login(username, PASSWORD).json().get("access_token").asString();

    http.json("PATCH", "/api/v1/users/" + username, admin, "{\"roles\":[\"OPERATOR\"]}");

    assertThat(api.get("/api/v1/transactions/" + UUID.randomUUID(), before).status())
        .isEqualTo(401);
    String after = http.login(username, PASSWORD).json().get("access_token").asString();
    assertThat(HttpCalls.claims(after).get("roles").get(0).asString()).isEqualTo("OPERATOR");
  }
}
