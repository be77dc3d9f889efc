package dev.flowlet.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One token bucket (Bucket4j) per client and route group, in a bounded map (Caffeine). A bucket
 * idle for as long as it takes to refill completely is dropped: a new one would be full too, so
 * dropping it forgives nothing. Under a flood of distinct clients the least recently used buckets
 * go first, which keeps memory bounded at the price of forgetting those clients' recent requests.
 */
final class RateLimits {

  /** The route groups, each with its own limit and buckets. */
  enum Group {
    AUTH,
    API;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The group of a path, or null when the path is not rate limited. */
    static Group of(String path) {
      if (path.equals("/api/v1/auth") || path.startsWith("/api/v1/auth/")) {
        return AUTH;
      }
      if (path.equals("/api") || path.startsWith("/api/")) {
        return API;
      }
      return null;
    }
  }

  private final Map<Group, RateLimitSettings.Limit> limits = new EnumMap<>(Group.class);
  private final Map<Group, Cache<String, Bucket>> buckets = new EnumMap<>(Group.class);

  RateLimits(RateLimitSettings settings) {
    limits.put(Group.AUTH, settings.auth());
    limits.put(Group.API, settings.api());
    limits.forEach(
        (group, limit) ->
            buckets.put(
                group,
                Caffeine.newBuilder()
                    .maximumSize(settings.maxClients())
                    .expireAfterAccess(timeToRefill(limit))
                    .build()));
  }

  /** Takes one request from the client's bucket of that group. */
  ConsumptionProbe tryConsume(Group group, String client) {
    RateLimitSettings.Limit limit = limits.get(group);
    return buckets.get(group).get(client, key -> newBucket(limit)).tryConsumeAndReturnRemaining(1);
  }

  private static Bucket newBucket(RateLimitSettings.Limit limit) {
    return Bucket.builder()
        .addLimit(
            bandwidth ->
                bandwidth
                    .capacity(limit.burst())
                    .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
        .build();
  }

  private static Duration timeToRefill(RateLimitSettings.Limit limit) {
    long millis = Math.ceilDiv(limit.burst() * 1000, limit.perSecond());
    return Duration.ofMillis(Math.max(millis, 1000));
  }
}
