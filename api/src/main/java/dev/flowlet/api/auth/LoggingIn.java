package dev.flowlet.api.auth;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.auth.AuthMetrics.LoginFailure;
import dev.flowlet.api.auth.StaffUsers.StaffUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logs a staff user in: checks the password, applies the lockout, opens a session. Every refusal
 * looks the same to the caller (unknown user, wrong password, locked, disabled) and costs the same
 * password hash, so a caller cannot tell which user names exist or are locked; the audit trail and
 * the metrics record the reason, never the password.
 */
@Component
class LoggingIn {

  /** Checked when the user is unknown, so that every refusal costs one password hash. */
  private final String unknownUserHash;

  private final StaffUsers staffUsers;
  private final Sessions sessions;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final AuthMetrics metrics;
  private final LockoutPolicy lockout;
  private final SessionSettings settings;
  private final Clock clock;

  LoggingIn(
      StaffUsers staffUsers,
      Sessions sessions,
      PasswordEncoder passwords,
      AuditTrail audit,
      TransactionTemplate transactions,
      AuthMetrics metrics,
      LockoutSettings lockout,
      SessionSettings settings,
      Clock clock) {
    this.staffUsers = staffUsers;
    this.sessions = sessions;
    this.passwords = passwords;
    this.audit = audit;
    this.transactions = transactions;
    this.metrics = metrics;
    this.lockout = lockout.policy();
    this.settings = settings;
    this.clock = clock;
    this.unknownUserHash = passwords.encode("no such user " + UUID.randomUUID());
  }

  /**
   * @param actor the caller, named by the claimed user name
   * @return the new session, or empty when the login is refused
   */
  Optional<StartedSession> logIn(String username, String password, Actor actor) {
    Optional<StaffUser> found = staffUsers.find(username);
    String hash = found.map(StaffUser::passwordHash).orElse(unknownUserHash);
    // The hash is the slow part: it runs before the transaction, holding no lock or connection.
    boolean matches = passwords.matches(password, hash);
    String upgraded =
        matches && found.isPresent() && passwords.upgradeEncoding(hash)
            ? passwords.encode(password)
            : null;
    return transactions.execute(
        status -> decide(username, password, hash, matches, upgraded, actor));
  }

  private Optional<StartedSession> decide(
      String username,
      String password,
      String checkedHash,
      boolean matches,
      String upgradedHash,
      Actor actor) {
    Instant now = clock.instant();
    Optional<StaffUser> locked = staffUsers.lock(username);
    if (locked.isEmpty()) {
      // The claimed name is not recorded: an unknown "user name" is often a mistyped password.
      refuse(
          new Actor("anonymous", null, actor.sourceIp(), actor.requestId()),
          null,
          LoginFailure.UNKNOWN_USER);
      return Optional.empty();
    }
    StaffUser user = locked.get();
    if (lockout.isLocked(user.lockedUntil(), now)) {
      refuse(actor, username, LoginFailure.LOCKED);
      return Optional.empty();
    }
    boolean accepted =
        user.passwordHash().equals(checkedHash)
            ? matches
            : passwords.matches(password, user.passwordHash());
    if (!accepted) {
      List<Instant> earlier = staffUsers.recordFailure(username, now, lockout.windowStart(now));
      refuse(actor, username, LoginFailure.BAD_CREDENTIALS);
      lockout
          .lockAfterFailure(earlier, now)
          .ifPresent(until -> lockOut(actor, username, until, earlier.size() + 1));
      return Optional.empty();
    }
    if (!user.enabled()) {
      refuse(actor, username, LoginFailure.DISABLED);
      return Optional.empty();
    }
    staffUsers.clearFailures(username);
    if (upgradedHash != null && user.passwordHash().equals(checkedHash)) {
      staffUsers.changePasswordHash(username, upgradedHash);
    }
    String refreshToken = Sessions.newRefreshToken();
    Instant expiresAt = now.plus(settings.refreshTokenTtl());
    UUID session = sessions.open(username, refreshToken, now, expiresAt);
    audit.record(
        actor,
        "auth.login",
        "staff_user",
        username,
        null,
        Outcome.SUCCESS,
        Map.of("session", session.toString()));
    return Optional.of(
        new StartedSession(username, user.roles(), session, refreshToken, expiresAt));
  }

  private void refuse(Actor actor, String username, LoginFailure reason) {
    metrics.loginFailed(reason);
    audit.record(
        actor,
        "auth.login_failed",
        "staff_user",
        username,
        null,
        Outcome.FAILURE,
        Map.of("reason", reason.label()));
  }

  private void lockOut(Actor actor, String username, Instant until, int failures) {
    staffUsers.lockUntil(username, until);
    metrics.lockedOut();
    audit.record(
        actor,
        "auth.locked_out",
        "staff_user",
        username,
        null,
        Outcome.FAILURE,
        Map.of("lockedUntil", until.toString(), "failures", Integer.toString(failures)));
  }

  /**
   * @param session the session's id, the access tokens' {@code sid}
   * @param refreshToken the session's first refresh token, handed to the caller once
   * @param expiresAt end of the session
   */
  record StartedSession(
      String username, List<Role> roles, UUID session, String refreshToken, Instant expiresAt) {}
}
