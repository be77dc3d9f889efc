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

/**
 * Issues short-lived signed access tokens that carry the user's roles, a unique {@code jti} (so one
 * token can be revoked) and the session's id as {@code sid} (so a whole session can).
 */
@Component
class TokenIssuer {

  static final String SESSION_CLAIM = "sid";

  private final JwtEncoder encoder;
  private final AuthSettings settings;
  private final Clock clock;

  TokenIssuer(JwtEncoder encoder, AuthSettings settings, Clock clock) {
    this.encoder = encoder;
    this.settings = settings;
    this.clock = clock;
  }

  AccessToken issue(String username, List<Role> roles, UUID session) {
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .id(UUID.randomUUID().toString())
            .issuer(settings.issuer())
            .subject(username)
            .issuedAt(now)
            .expiresAt(now.plus(settings.tokenTtl()))
            .claim(SESSION_CLAIM, session.toString())
            .claim(SecurityConfiguration.ROLES_CLAIM, roles.stream().map(Role::name).toList())
            .build();
    String token =
        encoder
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
    return new AccessToken(token, settings.tokenTtl().toSeconds());
  }

  /**
   * @param value the signed JWT
   * @param expiresIn seconds until it expires
   */
  record AccessToken(String value, long expiresIn) {}
}
