package dev.flowlet.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limits (token buckets): a client is the authenticated user, else the client
 * address. nginx applies the same limits in front; these hold when it is bypassed or misconfigured.
 *
 * @param enabled off only for benchmarks and the embedded local stack, which say so
 * @param maxClients buckets kept per route group; beyond that the least recently used are dropped
 * @param api {@code /api/**} except authentication
 * @param auth {@code /api/v1/auth/**}
 */
@ConfigurationProperties("flowlet.api.rate-limits")
record RateLimitSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100000") int maxClients,
    Limit api,
    Limit auth) {

  RateLimitSettings {
    api = api == null ? new Limit(10, 20) : api;
    auth = auth == null ? new Limit(5, 10) : auth;
    if (maxClients < 1) {
      throw new IllegalStateException("flowlet.api.rate-limits.max-clients must be positive");
    }
  }

  /**
   * @param perSecond sustained requests per second
   * @param burst requests allowed at once (the bucket's capacity)
   */
  record Limit(long perSecond, long burst) {

    Limit {
      if (perSecond < 1 || burst < 1) {
        throw new IllegalStateException(
            "flowlet.api.rate-limits: per-second and burst must be at least 1");
      }
    }
  }
}
