package dev.flowlet.api.auth;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses access tokens that were revoked (logout), whose session was revoked (refresh-token
 * re-use, role change) or whose user is disabled, and tokens without the {@code jti} and {@code
 * sid} claims that make revocation possible.
 */
class NotRevokedValidator implements OAuth2TokenValidator<Jwt> {

  private static final OAuth2TokenValidatorResult REVOKED =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null));
  private static final OAuth2TokenValidatorResult NOT_REVOCABLE =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token lacks jti or sid", null));

  private final RevocationList revocations;

  NotRevokedValidator(RevocationList revocations) {
    this.revocations = revocations;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    String tokenId = token.getId();
    String sessionId = token.getClaimAsString(TokenIssuer.SESSION_CLAIM);
    if (tokenId == null || sessionId == null || token.getSubject() == null) {
      return NOT_REVOCABLE;
    }
    return revocations.refuses(tokenId, sessionId, token.getSubject())
        ? REVOKED
        : OAuth2TokenValidatorResult.success();
  }
}
