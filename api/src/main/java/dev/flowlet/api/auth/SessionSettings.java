package dev.flowlet.api.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshTokenTtl how long a login's refresh tokens stay usable, counted from the login:
 *     rotating a refresh token does not extend its session
 * @param revocationRefreshInterval how often every API instance reloads revoked access tokens,
 *     revoked sessions and disabled users from PostgreSQL; the longest time another instance still
 *     accepts an access token after a logout, a detected refresh-token re-use, a role change or a
 *     disabled user (the instance that revoked it refuses it at once)
 * @param purgeInterval how often expired sessions and denylist entries are deleted
 */
@ConfigurationProperties("flowlet.api.sessions")
record SessionSettings(
    @DefaultValue("8h") Duration refreshTokenTtl,
    @DefaultValue("2s") Duration revocationRefreshInterval,
    @DefaultValue("10m") Duration purgeInterval) {

  SessionSettings {
    requirePositive(refreshTokenTtl, "refresh-token-ttl");
    requirePositive(revocationRefreshInterval, "revocation-refresh-interval");
    requirePositive(purgeInterval, "purge-interval");
  }

  private static void requirePositive(Duration duration, String key) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalStateException("flowlet.api.sessions." + key + " must be positive");
    }
  }
}
