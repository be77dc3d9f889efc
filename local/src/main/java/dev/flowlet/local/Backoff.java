package dev.flowlet.local;

import java.time.Duration;

/**
 * Exponential restart delay: 1 s, 2 s, 4 s ... up to 30 s; back to 1 s once a part stayed up for a
 * minute, so a part that crashes once a day is not punished for yesterday's crash.
 */
final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration LONGEST = Duration.ofSeconds(30);
  static final Duration STABLE_AFTER = Duration.ofMinutes(1);

  private final Duration first;
  private Duration next;

  Backoff() {
    this(FIRST);
  }

  /**
   * @param first the first delay; tests of the supervisor use zero so a restart is immediate
   */
  Backoff(Duration first) {
    this.first = first;
    this.next = first;
  }

  /** The delay before the next restart of a part that ran for {@code uptime}. */
  synchronized Duration after(Duration uptime) {
    if (uptime.compareTo(STABLE_AFTER) >= 0) {
      next = first;
    }
    Duration delay = next;
    next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
    return delay;
  }
}
