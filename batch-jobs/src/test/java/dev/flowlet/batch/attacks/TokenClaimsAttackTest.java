package dev.flowlet.batch.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Authentic tokens (signed with the right secret) that lack a claim the API always issues: one
 * without {@code exp} would never expire, one without {@code roles} is not one the API made. Both
 * are refused with 401 and start no job.
 */
@BatchJobsTest
class TokenClaimsAttackTest {

  private final JobsClient jobs;
  private final JdbcClient jdbc;

  TokenClaimsAttackTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.jobs = new JobsClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void refusesSignedTokensWithoutExpiryOrRolesAndStartsNothing() {
    long executions = executions();

    for (boolean withExpiry : List.of(false, true)) {
      String token = signed(withExpiry, !withExpiry);
      JobsClient.Response refused = jobs.start(token, "reconciliationJob", Map.of());

      assertThat(refused.status()).as(refused.body()).isEqualTo(401);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(executions()).isEqualTo(executions);
    assertThat(jobs.start(Tokens.of("OPERATOR"), "reconciliationJob", Map.of()).status())
        .as("the same call with a complete token gets past authentication")
        .isEqualTo(422);
  }

  private static String signed(boolean withExpiry, boolean withRoles) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .id(UUID.randomUUID().toString())
            .issuer("flowlet-api")
            .subject("test-operator")
            .issuedAt(now)
            .claim("sid", UUID.randomUUID().toString());
    if (withExpiry) {
      claims.expiresAt(now.plusSeconds(600));
    }
    if (withRoles) {
      claims.claim("roles", List.of("OPERATOR", "ADMIN"));
    }
    return NimbusJwtEncoder.withSecretKey(
            new SecretKeySpec(Tokens.LOCAL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
        .build()
        .encode(
            JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
        .getTokenValue();
  }

  private long executions() {
    return jdbc.sql("select count(*) from batch.batch_job_execution").query(Long.class).single();
  }
}
