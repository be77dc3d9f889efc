package dev.flowlet.api.auth;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.auth.LoggingIn.StartedSession;
import dev.flowlet.api.auth.Sessions.PresentedToken;
import dev.flowlet.api.auth.StaffUsers.StaffUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exchanges a refresh token for a new one and a new access token. Each refresh token works once:
 * presenting a rotated one again means it was copied, so the whole session is revoked (the thief's
 * and the user's tokens alike), audited and counted. The new access token carries the user's
 * current roles.
 */
@Component
class RotatingRefreshTokens {

  private final Sessions sessions;
  private final StaffUsers staffUsers;
  private final RevocationList revocations;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final AuthMetrics metrics;
  private final Clock clock;

  RotatingRefreshTokens(
      Sessions sessions,
      StaffUsers staffUsers,
      RevocationList revocations,
      AuditTrail audit,
      TransactionTemplate transactions,
      AuthMetrics metrics,
      Clock clock) {
    this.sessions = sessions;
    this.staffUsers = staffUsers;
    this.revocations = revocations;
    this.audit = audit;
    this.transactions = transactions;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * @return the session with its next refresh token, or empty when the token is unknown, used,
   *     expired or revoked, or its user disabled
   */
  Optional<StartedSession> rotate(String refreshToken, Actor caller) {
    Rotation rotation = transactions.execute(status -> rotateLocked(refreshToken, caller));
    if (rotation.revokedSession()) {
      revocations.reload();
    }
    return Optional.ofNullable(rotation.session());
  }

  private Rotation rotateLocked(String refreshToken, Actor caller) {
    Instant now = clock.instant();
    Optional<PresentedToken> found = sessions.lockPresented(refreshToken);
    if (found.isEmpty()) {
      return Rotation.REFUSED;
    }
    PresentedToken presented = found.get();
    Actor actor = new Actor(presented.username(), null, caller.sourceIp(), caller.requestId());
    if (presented.used()) {
      boolean revoked = sessions.revoke(presented.family(), now, "refresh_token_reused");
      metrics.refreshTokenReused();
      audit.record(
          actor,
          "auth.refresh_token_reused",
          "staff_user",
          presented.username(),
          null,
          Outcome.FAILURE,
          Map.of("session", presented.family().toString()));
      return new Rotation(null, revoked);
    }
    if (presented.revoked() || !now.isBefore(presented.expiresAt())) {
      return Rotation.REFUSED;
    }
    Optional<StaffUser> user = staffUsers.find(presented.username()).filter(StaffUser::enabled);
    if (user.isEmpty()) {
      return Rotation.REFUSED;
    }
    sessions.markUsed(refreshToken, now);
    String next = Sessions.newRefreshToken();
    sessions.store(presented.family(), next, now);
    audit.record(
        actor,
        "auth.refresh",
        "staff_user",
        presented.username(),
        null,
        Outcome.SUCCESS,
        Map.of("session", presented.family().toString()));
    return new Rotation(
        new StartedSession(
            presented.username(),
            user.get().roles(),
            presented.family(),
            next,
            presented.expiresAt()),
        false);
  }

  private record Rotation(StartedSession session, boolean revokedSession) {
    static final Rotation REFUSED = new Rotation(null, false);
  }
}
