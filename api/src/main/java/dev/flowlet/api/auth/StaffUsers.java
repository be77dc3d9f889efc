package dev.flowlet.api.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff users and their password hashes. */
@Repository
class StaffUsers {

  private final JdbcClient jdbc;

  StaffUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StaffUser> find(String username) {
    return jdbc.sql(
            "select username, password_hash, roles, enabled from staff_users where username = ?")
        .param(username)
        .query(
            (rs, row) ->
                new StaffUser(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).toList(),
                    rs.getBoolean("enabled")))
        .optional();
  }

  void save(String username, String passwordHash, List<Role> roles) {
    jdbc.sql(
            """
            insert into staff_users (username, password_hash, roles) values (?, ?, ?)
            on conflict (username) do update
                set password_hash = excluded.password_hash, roles = excluded.roles
            """)
        .params(username, passwordHash, String.join(",", roles.stream().map(Role::name).toList()))
        .update();
  }

  record StaffUser(String username, String passwordHash, List<Role> roles, boolean enabled) {}
}
