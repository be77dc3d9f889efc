package dev.flowlet.api.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counters for failed authentication, for the "failed authentication" alert. Labels carry the
 * reason only: never a user name or address.
 */
@Component
class AuthMetrics {

  /** Why a login failed. Only the audit trail and metrics see it; the caller never does. */
  enum LoginFailure {
    BAD_CREDENTIALS,
    UNKNOWN_USER,
    LOCKED,
    DISABLED;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Map<LoginFailure, Counter> loginFailures = new EnumMap<>(LoginFailure.class);
  private final Counter lockouts;
  private final Counter refreshReuses;

  AuthMetrics(MeterRegistry meters) {
    for (LoginFailure reason : LoginFailure.values()) {
      loginFailures.put(
          reason,
          Counter.builder("flowlet.auth.login.failures")
              .description("Failed logins by reason")
              .tag("reason", reason.label())
              .register(meters));
    }
    lockouts =
        Counter.builder("flowlet.auth.lockouts")
            .description("User names locked after too many failed logins")
            .register(meters);
    refreshReuses =
        Counter.builder("flowlet.auth.refresh.reuses")
            .description("Rotated refresh tokens presented again; each revoked its session")
            .register(meters);
  }

  void loginFailed(LoginFailure reason) {
    loginFailures.get(reason).increment();
  }

  void lockedOut() {
    lockouts.increment();
  }

  void refreshTokenReused() {
    refreshReuses.increment();
  }
}
