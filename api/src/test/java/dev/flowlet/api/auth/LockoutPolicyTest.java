package dev.flowlet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Duration LOCK = Duration.ofHours(1);
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private final LockoutPolicy policy = new LockoutSettings(5, WINDOW, LOCK).policy();

  @Test
  void locksForAnHourOnTheFifthFailureWithinTenMinutes() {
    List<Instant> fourEarlier =
        List.of(
            NOW.minusSeconds(540),
            NOW.minusSeconds(300),
            NOW.minusSeconds(60),
            NOW.minusSeconds(1));

    assertThat(policy.lockAfterFailure(fourEarlier, NOW)).contains(NOW.plus(LOCK));
  }

  @Test
  void doesNotLockOnTheFourthFailure() {
    List<Instant> threeEarlier =
        List.of(NOW.minusSeconds(3), NOW.minusSeconds(2), NOW.minusSeconds(1));

    assertThat(policy.lockAfterFailure(threeEarlier, NOW)).isEmpty();
  }

  @Test
  void aFailureExactlyTenMinutesAgoNoLongerCounts() {
    List<Instant> earlier =
        List.of(NOW.minus(WINDOW), NOW.minusSeconds(3), NOW.minusSeconds(2), NOW.minusSeconds(1));

    assertThat(policy.lockAfterFailure(earlier, NOW)).isEmpty();
    assertThat(policy.lockAfterFailure(earlier, NOW.minus(Duration.ofMillis(1)))).isPresent();
  }

  @Test
  void aSlidingWindowGivesNoExtraAttemptsAcrossItsEdge() {
    // Four failures just before a fixed window would restart, then one just after: still five in
    // ten minutes, so the fifth locks.
    List<Instant> earlier =
        List.of(NOW.minusSeconds(4), NOW.minusSeconds(3), NOW.minusSeconds(2), NOW.minusSeconds(1));

    assertThat(policy.lockAfterFailure(earlier, NOW)).isPresent();
  }

  @Test
  void isLockedUntilTheLockEnds() {
    Instant until = NOW.plus(LOCK);

    assertThat(policy.isLocked(until, NOW)).isTrue();
    assertThat(policy.isLocked(until, until.minusMillis(1))).isTrue();
    assertThat(policy.isLocked(until, until)).isFalse();
    assertThat(policy.isLocked(null, NOW)).isFalse();
  }
}
