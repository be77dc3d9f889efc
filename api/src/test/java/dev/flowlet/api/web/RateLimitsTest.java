package dev.flowlet.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.web.RateLimits.Group;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  private final RateLimits limits =
      new RateLimits(
          new RateLimitSettings(
              true, 1000, new RateLimitSettings.Limit(10, 20), new RateLimitSettings.Limit(5, 10)));

  @Test
  void allowsTheBurstThenRefusesWithTheWaitForTheNextToken() {
    long consumed =
        IntStream.range(0, 20)
            .filter(i -> limits.tryConsume(Group.API, "user:a").isConsumed())
            .count();

    var refused = limits.tryConsume(Group.API, "user:a");

    assertThat(consumed).isEqualTo(20);
    assertThat(refused.isConsumed()).isFalse();
    assertThat(refused.getNanosToWaitForRefill()).isBetween(1L, 100_000_000L);
  }

  @Test
  void keepsABucketPerClientAndPerGroup() {
    IntStream.range(0, 10).forEach(i -> limits.tryConsume(Group.AUTH, "address:192.0.2.1"));

    assertThat(limits.tryConsume(Group.AUTH, "address:192.0.2.1").isConsumed()).isFalse();
    assertThat(limits.tryConsume(Group.AUTH, "address:192.0.2.2").isConsumed()).isTrue();
    assertThat(limits.tryConsume(Group.API, "address:192.0.2.1").isConsumed()).isTrue();
  }

  @Test
  void groupsPathsByRoute() {
    assertThat(Group.of("/api/v1/auth/token")).isEqualTo(Group.AUTH);
    assertThat(Group.of("/api/v1/authors")).isEqualTo(Group.API);
    assertThat(Group.of("/api/v1/transactions")).isEqualTo(Group.API);
    assertThat(Group.of("/health")).isNull();
    assertThat(Group.of("/metrics")).isNull();
    assertThat(Group.of("/apiary")).isNull();
  }
}
