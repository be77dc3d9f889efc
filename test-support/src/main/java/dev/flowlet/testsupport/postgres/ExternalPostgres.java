package dev.flowlet.testsupport.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL server that runs elsewhere (a CI service, a shared development server), reached
 * through an admin-capable account that may create and drop databases.
 *
 * <p>Tests use it instead of the embedded server when the environment names one:
 *
 * <ul>
 *   <li>{@code FLOWLET_DB_URL}: JDBC URL of an admin connection, e.g. {@code
 *       jdbc:postgresql://db.internal:5432/postgres}
 *   <li>{@code FLOWLET_DB_USER}: a role with CREATEDB
 *   <li>{@code FLOWLET_DB_PASSWORD}: its password (empty when unset)
 * </ul>
 */
public final class ExternalPostgres implements PostgresCluster {

  public static final String URL_VARIABLE = "FLOWLET_DB_URL";
  public static final String USER_VARIABLE = "FLOWLET_DB_USER";
  public static final String PASSWORD_VARIABLE = "FLOWLET_DB_PASSWORD";

  private final String adminJdbcUrl;
  private final String username;
  private final String password;
  private final DatabaseAdmin admin;

  private ExternalPostgres(String adminJdbcUrl, String username, String password) {
    this.adminJdbcUrl = adminJdbcUrl;
    this.username = username;
    this.password = password;
    this.admin = new DatabaseAdmin(adminJdbcUrl, username, password);
  }

  /**
   * The server named by {@code FLOWLET_DB_URL}, {@code FLOWLET_DB_USER} and {@code
   * FLOWLET_DB_PASSWORD}, checked to answer; empty when {@code FLOWLET_DB_URL} is not set.
   *
   * @throws IllegalStateException with a one-line message when the server does not answer
   */
  public static Optional<ExternalPostgres> fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static Optional<ExternalPostgres> fromEnvironment(Map<String, String> environment) {
    String url = environment.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String user = environment.get(USER_VARIABLE);
    if (user == null || user.isBlank()) {
      throw new IllegalStateException(
          URL_VARIABLE + " names an external PostgreSQL but " + USER_VARIABLE + " is not set");
    }
    return Optional.of(
        connect(
            url.strip(),
            user.strip(),
            environment.getOrDefault(PASSWORD_VARIABLE, ""),
            "from " + URL_VARIABLE));
  }

  /**
   * An external server, checked to answer.
   *
   * @param adminJdbcUrl JDBC URL of a connection allowed to create databases
   * @throws IllegalStateException with a one-line message when the server does not answer
   */
  public static ExternalPostgres connect(String adminJdbcUrl, String username, String password) {
    return connect(adminJdbcUrl, username, password, "");
  }

  private static ExternalPostgres connect(
      String adminJdbcUrl, String username, String password, String origin) {
    JdbcUrls.requirePostgres(adminJdbcUrl, origin.isEmpty() ? "The admin JDBC URL" : URL_VARIABLE);
    ExternalPostgres server =
        new ExternalPostgres(
            adminJdbcUrl,
            Objects.requireNonNull(username, "username"),
            Objects.requireNonNullElse(password, ""));
    server.requireReachable(origin);
    return server;
  }

  @Override
  public String jdbcUrl(String database) {
    return JdbcUrls.withDatabase(adminJdbcUrl, database);
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public void createDatabase(String name) {
    admin.createDatabase(name);
  }

  @Override
  public void dropDatabase(String name) {
    admin.dropDatabase(name);
  }

  /** Nothing to stop: the server is not ours. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "external PostgreSQL at " + JdbcUrls.withoutParameters(adminJdbcUrl);
  }

  private void requireReachable(String origin) {
    try (Connection connection = admin.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    } catch (SQLException e) {
      // One line on purpose: this is the first thing a developer with a wrong setting sees, and
      // the driver's stack trace adds nothing to "connection refused" or "password failed".
      throw new IllegalStateException(
          "External PostgreSQL at "
              + JdbcUrls.withoutParameters(adminJdbcUrl)
              + " ("
              + (origin.isEmpty() ? "" : origin + ", ")
              + "user "
              + username
              + ") does not answer: "
              + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
