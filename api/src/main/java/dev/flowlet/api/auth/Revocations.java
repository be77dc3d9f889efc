package dev.flowlet.api.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One snapshot of what access tokens must be refused, checked on every request in memory.
 *
 * @param tokenIds denylisted {@code jti}s (logouts)
 * @param sessionIds revoked sessions ({@code sid}s): logouts, refresh-token re-use, role changes
 * @param disabledUsers user names ({@code sub}) that are disabled
 */
record Revocations(Set<String> tokenIds, Set<String> sessionIds, Set<String> disabledUsers) {

  static final Revocations NONE = new Revocations(Set.of(), Set.of(), Set.of());

  Revocations {
    tokenIds = Set.copyOf(tokenIds);
    sessionIds = Set.copyOf(sessionIds);
    disabledUsers = Set.copyOf(disabledUsers);
  }

  /** From rows of (kind, value) with kind {@code jti}, {@code sid} or {@code user}. */
  static Revocations of(List<String[]> rows) {
    Set<String> tokens = new HashSet<>();
    Set<String> sessions = new HashSet<>();
    Set<String> users = new HashSet<>();
    for (String[] row : rows) {
      switch (row[0]) {
        case "jti" -> tokens.add(row[1]);
        case "sid" -> sessions.add(row[1]);
        case "user" -> users.add(row[1]);
        default -> throw new IllegalArgumentException("Unknown revocation kind " + row[0]);
      }
    }
    return new Revocations(tokens, sessions, users);
  }

  /** Whether a token with these claims must be refused. */
  boolean refuses(String tokenId, String sessionId, String subject) {
    return tokenIds.contains(tokenId)
        || sessionIds.contains(sessionId)
        || disabledUsers.contains(subject);
  }
}
