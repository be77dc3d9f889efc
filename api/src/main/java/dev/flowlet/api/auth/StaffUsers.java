package dev.flowlet.api.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff users, their password hashes, roles and lockout. */
@Repository
class StaffUsers {

  private static final String COLUMNS =
      "username, password_hash, roles, enabled, locked_until, created_at";

  private final JdbcClient jdbc;

  StaffUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StaffUser> find(String username) {
    return jdbc.sql("select " + COLUMNS + " from staff_users where username = ?")
        .param(username)
        .query(StaffUsers::map)
        .optional();
  }

  /** The user, its row locked until the transaction ends: logins of one user run one by one. */
  Optional<StaffUser> lock(String username) {
    return jdbc.sql("select " + COLUMNS + " from staff_users where username = ? for update")
        .param(username)
        .query(StaffUsers::map)
        .optional();
  }

  List<StaffUser> all() {
    return jdbc.sql("select " + COLUMNS + " from staff_users order by username")
        .query(StaffUsers::map)
        .list();
  }

  /** Seeds or resets a user (demo users); keeps its lockout and enabled flag. */
  void save(String username, String passwordHash, List<Role> roles) {
    jdbc.sql(
            """
            insert into staff_users (username, password_hash, roles) values (?, ?, ?)
            on conflict (username) do update
                set password_hash = excluded.password_hash, roles = excluded.roles
            """)
        .params(username, passwordHash, joined(roles))
        .update();
  }

  /** Adds a user; false when the user name is taken. */
  boolean create(String username, String passwordHash, List<Role> roles) {
    return jdbc.sql(
                """
                insert into staff_users (username, password_hash, roles) values (?, ?, ?)
                on conflict (username) do nothing
                """)
            .params(username, passwordHash, joined(roles))
            .update()
        == 1;
  }

  void update(String username, List<Role> roles, boolean enabled) {
    jdbc.sql("update staff_users set roles = ?, enabled = ? where username = ?")
        .params(joined(roles), enabled, username)
        .update();
  }

  void changePasswordHash(String username, String passwordHash) {
    jdbc.sql("update staff_users set password_hash = ? where username = ?")
        .params(passwordHash, username)
        .update();
  }

  void lockUntil(String username, Instant until) {
    jdbc.sql("update staff_users set locked_until = ? where username = ?")
        .params(Timestamp.from(until), username)
        .update();
    clearFailures(username);
  }

  void unlock(String username) {
    jdbc.sql("update staff_users set locked_until = null where username = ?")
        .param(username)
        .update();
    clearFailures(username);
  }

  /**
   * Records a failed login and returns the user's earlier failures after {@code windowStart},
   * dropping older ones. One statement (one round trip) rather than three: a wrong password then
   * costs barely more database time than the refusals that count nothing (unknown, locked), so the
   * answer's timing hardly tells them apart. Every part of the statement sees the table as it was
   * before it, so the insert is not among the failures returned.
   */
  List<Instant> recordFailure(String username, Instant at, Instant windowStart) {
    return jdbc.sql(
            """
            with purged as (
                delete from staff_login_failures where username = :username
                   and failed_at <= :windowStart
            ), recorded as (
                insert into staff_login_failures (username, failed_at) values (:username, :at)
            )
            select failed_at from staff_login_failures
             where username = :username and failed_at > :windowStart
            """)
        .param("username", username)
        .param("windowStart", Timestamp.from(windowStart))
        .param("at", Timestamp.from(at))
        .query((rs, row) -> rs.getTimestamp("failed_at").toInstant())
        .list();
  }

  void clearFailures(String username) {
    jdbc.sql("delete from staff_login_failures where username = ?").param(username).update();
  }

  /** Deletes failures that no longer count anywhere. */
  int purgeFailuresBefore(Instant windowStart) {
    return jdbc.sql("delete from staff_login_failures where failed_at <= ?")
        .param(Timestamp.from(windowStart))
        .update();
  }

  private static String joined(List<Role> roles) {
    return String.join(",", roles.stream().map(Role::name).toList());
  }

  private static StaffUser map(ResultSet rs, int row) throws SQLException {
    Timestamp lockedUntil = rs.getTimestamp("locked_until");
    return new StaffUser(
        rs.getString("username"),
        rs.getString("password_hash"),
        Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).toList(),
        rs.getBoolean("enabled"),
        lockedUntil == null ? null : lockedUntil.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }

  /**
   * @param lockedUntil end of the latest lockout, or null; a past instant means not locked
   */
  record StaffUser(
      String username,
      String passwordHash,
      List<Role> roles,
      boolean enabled,
      Instant lockedUntil,
      Instant createdAt) {}
}
