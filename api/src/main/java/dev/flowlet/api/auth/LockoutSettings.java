package dev.flowlet.api.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailures failed logins within {@code window} that lock a user name
 * @param window how far back failed logins count
 * @param duration how long a lockout lasts (an ADMIN can unlock earlier)
 */
@ConfigurationProperties("flowlet.api.lockout")
record LockoutSettings(
    @DefaultValue("5") int maxFailures,
    @DefaultValue("10m") Duration window,
    @DefaultValue("1h") Duration duration) {

  LockoutSettings {
    if (maxFailures < 1) {
      throw new IllegalStateException("flowlet.api.lockout.max-failures must be at least 1");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalStateException("flowlet.api.lockout.window must be positive");
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalStateException("flowlet.api.lockout.duration must be positive");
    }
  }

  LockoutPolicy policy() {
    return new LockoutPolicy(maxFailures, window, duration);
  }
}
