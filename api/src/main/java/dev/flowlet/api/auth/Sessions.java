package dev.flowlet.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions in PostgreSQL: one refresh-token family per login, its refresh tokens as SHA-256 hashes
 * (never the tokens), and the denylist of access tokens revoked before their expiry.
 */
@Repository
class Sessions {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;

  private final JdbcClient jdbc;

  Sessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new opaque refresh token: 256 random bits, URL-safe Base64. */
  static String newRefreshToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String refreshToken) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(refreshToken.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Opens a session for a login and stores its first refresh token. */
  UUID open(String username, String refreshToken, Instant now, Instant expiresAt) {
    UUID family = UUID.randomUUID();
    jdbc.sql(
            "insert into refresh_families (id, username, created_at, expires_at) values (?, ?, ?, ?)")
        .params(family, username, Timestamp.from(now), Timestamp.from(expiresAt))
        .update();
    store(family, refreshToken, now);
    return family;
  }

  void store(UUID family, String refreshToken, Instant now) {
    jdbc.sql("insert into refresh_tokens (token_hash, family_id, issued_at) values (?, ?, ?)")
        .params(hash(refreshToken), family, Timestamp.from(now))
        .update();
  }

  /** The presented refresh token with its session, the token's row locked until commit. */
  Optional<PresentedToken> lockPresented(String refreshToken) {
    return jdbc.sql(
            """
            select t.family_id, t.used_at, f.username, f.expires_at, f.revoked_at
              from refresh_tokens t join refresh_families f on f.id = t.family_id
             where t.token_hash = ?
               for update of t
            """)
        .param(hash(refreshToken))
        .query(
            (rs, row) ->
                new PresentedToken(
                    rs.getObject("family_id", UUID.class),
                    rs.getString("username"),
                    rs.getTimestamp("used_at") != null,
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getTimestamp("revoked_at") != null))
        .optional();
  }

  void markUsed(String refreshToken, Instant now) {
    jdbc.sql("update refresh_tokens set used_at = ? where token_hash = ?")
        .params(Timestamp.from(now), hash(refreshToken))
        .update();
  }

  /** Revokes one session; returns whether it was still open. */
  boolean revoke(UUID family, Instant now, String reason) {
    return jdbc.sql(
                """
                update refresh_families set revoked_at = ?, revoked_reason = ?
                 where id = ? and revoked_at is null
                """)
            .params(Timestamp.from(now), reason, family)
            .update()
        == 1;
  }

  /** Revokes every open session of a user; returns how many. */
  int revokeAllOf(String username, Instant now, String reason) {
    return jdbc.sql(
            """
            update refresh_families set revoked_at = ?, revoked_reason = ?
             where username = ? and revoked_at is null
            """)
        .params(Timestamp.from(now), reason, username)
        .update();
  }

  /** Puts an access token on the denylist until it expires. */
  void denyAccessToken(String jti, Instant expiresAt) {
    jdbc.sql(
            """
            insert into revoked_access_tokens (jti, expires_at) values (?, ?)
            on conflict (jti) do nothing
            """)
        .params(jti, Timestamp.from(expiresAt))
        .update();
  }

  /**
   * What access tokens must be refused now: denylisted token ids that have not expired, sessions
   * revoked recently enough that their access tokens may still be unexpired, and disabled users.
   */
  Revocations revocations(Instant now, Instant revokedSince) {
    List<String[]> rows =
        jdbc.sql(
                """
                select 'jti' as kind, jti as value from revoked_access_tokens where expires_at > ?
                union all
                select 'sid', id::text from refresh_families where revoked_at > ?
                union all
                select 'user', username from staff_users where not enabled
                """)
            .params(Timestamp.from(now), Timestamp.from(revokedSince))
            .query((rs, row) -> new String[] {rs.getString("kind"), rs.getString("value")})
            .list();
    return Revocations.of(rows);
  }

  /** Deletes denylist entries of expired tokens and sessions that ended before {@code before}. */
  int purge(Instant now, Instant before) {
    int tokens =
        jdbc.sql("delete from revoked_access_tokens where expires_at <= ?")
            .param(Timestamp.from(now))
            .update();
    int families =
        jdbc.sql(
                """
                delete from refresh_families
                 where expires_at <= ? or (revoked_at is not null and revoked_at <= ?)
                """)
            .params(Timestamp.from(before), Timestamp.from(before))
            .update();
    return tokens + families;
  }

  /**
   * @param family the session
   * @param used whether this token was already rotated (presenting it again is a re-use)
   * @param expiresAt end of the session
   * @param revoked whether the session was revoked
   */
  record PresentedToken(
      UUID family, String username, boolean used, Instant expiresAt, boolean revoked) {}
}
