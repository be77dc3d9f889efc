package dev.flowlet.api.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Tokens an attacker forges or replays. Each one is tried on a write that would change data
 * (creating a customer) and on an ADMIN read (the staff users); every one is answered 401 with the
 * same problem+json as a missing token, and the data is unchanged.
 */
@AttackTest
class TokenAttackTest {

  private static final String NEW_CUSTOMER =
      """
      {"name":"Mallory Forger","email":"mallory@example.com","country":"GB"}""";

  private final AttackClient client;
  private final DatabaseState database;

  TokenAttackTest(@LocalServerPort int port, JdbcTemplate jdbc) {
    this.client = new AttackClient(port);
    this.database = new DatabaseState(jdbc);
  }

  @Test
  void refusesForgedAlteredAndUnsignedTokensWith401AndChangesNothing() {
    String real = client.token(Caller.AUDITOR);
    long now = Instant.now().getEpochSecond();
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put(
        "roles rewritten, original signature kept",
        ForgedTokens.withClaims(real, ForgedTokens.claims("OPERATOR", "ADMIN")));
    forged.put("signature removed", real.substring(0, real.lastIndexOf('.') + 1));
    forged.put("signature reversed", reversedSignature(real));
    for (String none : List.of("none", "None", "NONE", "nOnE")) {
      forged.put(
          "alg " + none, ForgedTokens.unsigned(none, ForgedTokens.claims("OPERATOR", "ADMIN")));
    }
    forged.put(
        "HS256 with a wrong key",
        ForgedTokens.hs256(
            "another-secret-of-the-same-length-0123456789abcdef",
            ForgedTokens.claims("OPERATOR", "ADMIN")));
    for (String guess : List.of("flowlet-api", "secret", "flowlet", "changeme")) {
      forged.put(
          "HS256 with the guessable key '" + guess + "'",
          ForgedTokens.hs256(guess, ForgedTokens.claims("OPERATOR", "ADMIN")));
    }
    forged.put(
        "RS256 with the attacker's public key in jwk/jku",
        ForgedTokens.rs256WithEmbeddedKey(ForgedTokens.claims("OPERATOR", "ADMIN")));
    forged.put(
        "HS512 with the right secret (algorithm not pinned?)",
        ForgedTokens.hmac(
            "HS512",
            ForgedTokens.LOCAL_SECRET,
            Map.of("alg", "HS512", "typ", "JWT"),
            ForgedTokens.claims("OPERATOR", "ADMIN")));
    forged.put(
        "expired five minutes ago",
        ForgedTokens.hs256(
            ForgedTokens.LOCAL_SECRET,
            with(ForgedTokens.claims("OPERATOR", "ADMIN"), "exp", now - 300, "iat", now - 1200)));
    forged.put(
        "not valid before ten minutes from now",
        ForgedTokens.hs256(
            ForgedTokens.LOCAL_SECRET,
            with(ForgedTokens.claims("OPERATOR", "ADMIN"), "nbf", now + 600)));
    forged.put(
        "another issuer",
        ForgedTokens.hs256(
            ForgedTokens.LOCAL_SECRET,
            with(ForgedTokens.claims("OPERATOR", "ADMIN"), "iss", "https://evil.example")));
    for (String claim : List.of("exp", "iss", "jti", "sid", "sub", "roles")) {
      forged.put(
          "signed with the right key but without " + claim,
          ForgedTokens.hs256(
              ForgedTokens.LOCAL_SECRET, without(ForgedTokens.claims("OPERATOR", "ADMIN"), claim)));
    }
    forged.put("not a JWT", "not-a-jwt");
    forged.put("empty", "");

    assertRefusedAndNothingChanged(forged);
  }

  @Test
  void refusesTheAccessAndRefreshTokensOfASessionThatLoggedOut() {
    JsonNode session = client.session(Caller.OPERATOR.username, AttackClient.DEMO_PASSWORD);
    String access = session.get("access_token").asString();
    String refresh = session.get("refresh_token").asString();
    assertThat(client.json("POST", "/api/v1/auth/logout", access, null).status()).isEqualTo(204);

    assertRefusedAndNothingChanged(Map.of("access token after logout", access));
    assertRefreshRefused(refresh);
  }

  @Test
  void reusingARotatedRefreshTokenIsRefusedAndEndsTheWholeSession() {
    JsonNode session = client.session(Caller.OPERATOR.username, AttackClient.DEMO_PASSWORD);
    String firstRefresh = session.get("refresh_token").asString();
    AttackClient.Response rotated = refresh(firstRefresh);
    assertThat(rotated.status()).isEqualTo(200);
    String secondAccess = rotated.json().get("access_token").asString();
    String secondRefresh = rotated.json().get("refresh_token").asString();

    assertRefreshRefused(firstRefresh);

    assertRefreshRefused(secondRefresh);
    assertRefusedAndNothingChanged(
        Map.of(
            "first access token of a session whose refresh token was reused",
            session.get("access_token").asString(),
            "access token rotated in before the reuse",
            secondAccess));
  }

  private void assertRefreshRefused(String refreshToken) {
    long families = database.rows("refresh_families");
    long refreshTokens = database.rows("refresh_tokens");

    AttackClient.Response refused = refresh(refreshToken);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.problemType())
        .isEqualTo("https://flowlet.dev/problems/invalid-refresh-token");
    assertThat(refused.body()).doesNotContain("access_token");
    assertThat(database.rows("refresh_families")).isEqualTo(families);
    assertThat(database.rows("refresh_tokens")).isEqualTo(refreshTokens);
  }

  private AttackClient.Response refresh(String refreshToken) {
    return client.json(
        "POST",
        "/api/v1/auth/refresh",
        null,
        AttackClient.JSON.writeValueAsString(Map.of("refresh_token", refreshToken)));
  }

  private void assertRefusedAndNothingChanged(Map<String, String> tokens) {
    AttackClient.Response missing = client.json("POST", "/api/v1/customers", null, NEW_CUSTOMER);
    SoftAssertions softly = new SoftAssertions();
    Map<String, String> before = database.fingerprint();
    tokens.forEach(
        (attack, token) -> {
          for (AttackClient.Response answer :
              List.of(
                  client.json("POST", "/api/v1/customers", token, NEW_CUSTOMER),
                  client.get("/api/v1/users", token))) {
            softly.assertThat(answer.status()).as(attack + ": " + answer).isEqualTo(401);
            softly.assertThat(answer.body()).as(attack).isEqualTo(missing.body());
            softly.assertThat(answer.isProblem()).as(attack).isTrue();
          }
        });
    softly.assertThat(database.fingerprint()).as("data after the forged calls").isEqualTo(before);
    softly.assertAll();
  }

  private static String reversedSignature(String token) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
  }

  private static Map<String, Object> with(Map<String, Object> claims, Object... pairs) {
    Map<String, Object> changed = new LinkedHashMap<>(claims);
    for (int i = 0; i < pairs.length; i += 2) {
      changed.put((String) pairs[i], pairs[i + 1]);
    }
    return changed;
  }

  private static Map<String, Object> without(Map<String, Object> claims, String claim) {
    Map<String, Object> changed = new LinkedHashMap<>(claims);
    changed.remove(claim);
    return changed;
  }
}
