package dev.flowlet.api.auth;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * The revoked access tokens, sessions and disabled users, held in memory so that checking a token
 * costs a few hash lookups, and reloaded from PostgreSQL every {@link
 * SessionSettings#revocationRefreshInterval()}: a logout on one API instance reaches the others
 * within that interval. The instance that revokes something reloads at once. When PostgreSQL cannot
 * be read, the last snapshot stays in force and the age gauge {@code flowlet.auth.revocations.age}
 * grows, so an alert can fire.
 */
@Component
class RevocationList implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RevocationList.class);

  /** Margin for clock differences between instances when keeping revoked sessions. */
  private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

  private final Sessions sessions;
  private final StaffUsers staffUsers;
  private final AuthSettings authSettings;
  private final SessionSettings settings;
  private final LockoutSettings lockout;
  private final Clock clock;
  private volatile Revocations current = Revocations.NONE;
  private volatile Instant loadedAt = Instant.EPOCH;
  private volatile Instant purgedAt = Instant.EPOCH;
  private volatile ScheduledExecutorService scheduler;

  RevocationList(
      Sessions sessions,
      StaffUsers staffUsers,
      AuthSettings authSettings,
      SessionSettings settings,
      LockoutSettings lockout,
      Clock clock,
      MeterRegistry meters) {
    this.sessions = sessions;
    this.staffUsers = staffUsers;
    this.authSettings = authSettings;
    this.settings = settings;
    this.lockout = lockout;
    this.clock = clock;
    Gauge.builder(
            "flowlet.auth.revocations.age",
            this,
            list -> Duration.between(list.loadedAt, clock.instant()).toMillis() / 1000.0)
        .description("Seconds since this instance last loaded the revoked tokens")
        .baseUnit("seconds")
        .register(meters);
  }

  /** Whether an access token with these claims has been revoked. */
  boolean refuses(String tokenId, String sessionId, String subject) {
    return current.refuses(tokenId, sessionId, subject);
  }

  /** Reloads the snapshot now; called after this instance revoked something. */
  synchronized void reload() {
    Instant now = clock.instant();
    // A session's access tokens live at most token-ttl after it was revoked.
    Instant revokedSince = now.minus(authSettings.tokenTtl()).minus(CLOCK_MARGIN);
    current = sessions.revocations(now, revokedSince);
    loadedAt = now;
  }

  private void refreshQuietly() {
    try {
      reload();
      purgeWhenDue();
    } catch (RuntimeException e) {
      log.warn(
          "Could not reload revoked tokens; the snapshot of {} stays in force: {}",
          loadedAt,
          NestedExceptionUtils.getMostSpecificCause(e).toString());
    }
  }

  private void purgeWhenDue() {
    Instant now = clock.instant();
    if (Duration.between(purgedAt, now).compareTo(settings.purgeInterval()) < 0) {
      return;
    }
    purgedAt = now;
    // Keep ended sessions a day, so a re-used refresh token of a recent session is still detected.
    int sessionRows = sessions.purge(now, now.minus(Duration.ofDays(1)));
    int failureRows = staffUsers.purgeFailuresBefore(lockout.policy().windowStart(now));
    log.debug("Purged {} session and {} login-failure rows", sessionRows, failureRows);
  }

  /** Before the web server starts (its phase is higher), so no request sees an empty list. */
  @Override
  public int getPhase() {
    return 0;
  }

  @Override
  public void start() {
    reload();
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("revocation-list").daemon().unstarted(runnable));
    long interval = settings.revocationRefreshInterval().toMillis();
    executor.scheduleWithFixedDelay(
        this::refreshQuietly, interval, interval, TimeUnit.MILLISECONDS);
    scheduler = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = scheduler;
    if (executor != null) {
      executor.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
