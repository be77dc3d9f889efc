package dev.flowlet.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Creates and drops databases through an admin connection. */
final class DatabaseAdmin {

  /** Names go into SQL as identifiers, so only a safe subset is accepted. */
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private final String adminJdbcUrl;
  private final String username;
  private final String password;

  DatabaseAdmin(String adminJdbcUrl, String username, String password) {
    this.adminJdbcUrl = adminJdbcUrl;
    this.username = username;
    this.password = password;
  }

  Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    props.setProperty("password", password);
    // An unreachable server should fail in seconds, not after the OS's TCP timeout.
    props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    return DriverManager.getConnection(adminJdbcUrl, props);
  }

  void createDatabase(String name) {
    requireValidName(name);
    execute("CREATE DATABASE \"" + name + "\"", "create database " + name);
  }

  void dropDatabase(String name) {
    requireValidName(name);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      if (connection.getMetaData().getDatabaseMajorVersion() >= 13) {
        // FORCE disconnects sessions atomically, so a connection pool refilling itself cannot win.
        statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      } else {
        statement.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = '"
                + name
                + "' AND pid <> pg_backend_pid()");
        statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop database " + name + ": " + e.getMessage(), e);
    }
  }

  private void execute(String sql, String what) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private static void requireValidName(String name) {
    if (name == null || !DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Database name must match " + DATABASE_NAME.pattern() + ", not '" + name + "'");
    }
  }
}
