package dev.flowlet.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When failed logins lock a user name: {@code maxFailures} failures within a sliding {@code window}
 * lock it for {@code lockDuration}. A sliding window (rather than one that restarts at the first
 * failure) leaves no moment at which an attacker gets twice the attempts.
 *
 * @param maxFailures failures within the window that lock the user name, counting the latest
 * @param window how far back failures count; a failure exactly {@code window} ago no longer counts
 * @param lockDuration how long the lock lasts
 */
record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {

  /** Whether a user name locked until {@code lockedUntil} (null: never locked) is locked now. */
  boolean isLocked(Instant lockedUntil, Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** The oldest instant at which a failure still counts at {@code now}. */
  Instant windowStart(Instant now) {
    return now.minus(window);
  }

  /**
   * Decides on a failed login at {@code now}.
   *
   * @param earlierFailures the user name's earlier failures (older ones are ignored)
   * @return when the lock ends, if this failure locks the user name
   */
  Optional<Instant> lockAfterFailure(Collection<Instant> earlierFailures, Instant now) {
    Instant windowStart = windowStart(now);
    long recent = earlierFailures.stream().filter(at -> at.isAfter(windowStart)).count() + 1;
    return recent >= maxFailures ? Optional.of(now.plus(lockDuration)) : Optional.empty();
  }
}
