package dev.flowlet.api.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues signed access tokens that carry the user's roles. */
@Component
class TokenIssuer {

  private final JwtEncoder encoder;
  private final AuthSettings settings;
  private final Clock clock;

  TokenIssuer(JwtEncoder encoder, AuthSettings settings, Clock clock) {
    this.encoder = encoder;
    this.settings = settings;
    this.clock = clock;
  }

  IssuedToken issue(String username, List<Role> roles) {
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .id(UUID.randomUUID().toString())
            .issuer(settings.issuer())
            .subject(username)
            .issuedAt(now)
            .expiresAt(now.plus(settings.tokenTtl()))
            .claim(SecurityConfiguration.ROLES_CLAIM, roles.stream().map(Role::name).toList())
            .build();
    String token =
        encoder
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
    return new IssuedToken(token, "Bearer", settings.tokenTtl().toSeconds());
  }

  /** The body of {@code POST /api/v1/auth/token}'s answer. */
  record IssuedToken(
      @com.fasterxml.jackson.annotation.JsonProperty("access_token") String accessToken,
      @com.fasterxml.jackson.annotation.JsonProperty("token_type") String tokenType,
      @com.fasterxml.jackson.annotation.JsonProperty("expires_in") long expiresIn) {}
}
