package dev.flowlet.api.auth;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the caller's session: its refresh tokens stop working, and so does the presented access
 * token (denylisted by {@code jti} until it expires) and every other access token of the session
 * ({@code sid}). This instance refuses them at once, the others within the revocation refresh
 * interval.
 */
@Component
class LoggingOut {

  private final Sessions sessions;
  private final RevocationList revocations;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  LoggingOut(
      Sessions sessions,
      RevocationList revocations,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.sessions = sessions;
    this.revocations = revocations;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  void logOut(Jwt token, Actor actor) {
    Instant now = clock.instant();
    String session = token.getClaimAsString(TokenIssuer.SESSION_CLAIM);
    transactions.executeWithoutResult(
        status -> {
          sessions.revoke(UUID.fromString(session), now, "logout");
          sessions.denyAccessToken(token.getId(), token.getExpiresAt());
          audit.record(
              actor,
              "auth.logout",
              "staff_user",
              token.getSubject(),
              null,
              Outcome.SUCCESS,
              Map.of("session", session));
        });
    revocations.reload();
  }
}
