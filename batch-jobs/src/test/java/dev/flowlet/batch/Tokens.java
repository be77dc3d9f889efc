package dev.flowlet.batch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Access tokens shaped like the API's (HS256, issuer, jti, sid, roles), for the tests. */
public final class Tokens {

  /** The local profile's secret, the same as the API's. */
  public static final String LOCAL_SECRET = "local-only-jwt-secret-not-for-production-0123456789";

  private Tokens() {}

  public static String of(String role) {
    return signed(
        LOCAL_SECRET,
        "flowlet-api",
        "test-" + role.toLowerCase(),
        List.of(role),
        UUID.randomUUID().toString());
  }

  public static String signed(
      String secret, String issuer, String subject, List<String> roles, String tokenId) {
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .id(tokenId)
            .issuer(issuer)
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(900))
            .claim("sid", UUID.randomUUID().toString())
            .claim("roles", roles)
            .build();
    return NimbusJwtEncoder.withSecretKey(
            new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
        .build()
        .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
        .getTokenValue();
  }
}
