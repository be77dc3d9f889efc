package dev.flowlet.batch.security;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses tokens the API has revoked: a logged-out token ({@code jti}), a revoked session ({@code
 * sid}) or a disabled user. It reads the API's session tables in the shared database on every
 * request (jobs are started rarely, so one indexed query each is cheap) and refuses when it cannot
 * read them: failing closed.
 */
class NotRevokedValidator implements OAuth2TokenValidator<Jwt> {

  private static final Logger log = LoggerFactory.getLogger(NotRevokedValidator.class);
  private static final OAuth2TokenValidatorResult REVOKED =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null));
  private static final OAuth2TokenValidatorResult NOT_REVOCABLE =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token lacks jti, sid or sub", null));

  private final JdbcClient jdbc;

  NotRevokedValidator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    String tokenId = token.getId();
    String sessionId = token.getClaimAsString("sid");
    if (tokenId == null || sessionId == null || token.getSubject() == null) {
      return NOT_REVOCABLE;
    }
    UUID session;
    try {
      session = UUID.fromString(sessionId);
    } catch (IllegalArgumentException e) {
      return NOT_REVOCABLE;
    }
    try {
      boolean revoked =
          jdbc.sql(
                  """
                  select exists (select 1 from revoked_access_tokens where jti = ?)
                      or exists (select 1 from refresh_families
                                  where id = ? and revoked_at is not null)
                      or exists (select 1 from staff_users where username = ? and not enabled)
                  """)
              .params(tokenId, session, token.getSubject())
              .query(Boolean.class)
              .single();
      return revoked ? REVOKED : OAuth2TokenValidatorResult.success();
    } catch (DataAccessException e) {
      log.warn("Cannot check token revocation, refusing the token: {}", e.getClass().getName());
      return REVOKED;
    }
  }
}
