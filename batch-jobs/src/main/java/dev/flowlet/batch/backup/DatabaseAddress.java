package dev.flowlet.batch.backup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the Flowlet database is, taken from its JDBC URL ({@code
 * jdbc:postgresql://host[:port]/database[?parameters]}), in the form PostgreSQL's command-line
 * tools take it: environment variables, so that the password never appears on a command line.
 */
record DatabaseAddress(
    String host, int port, String database, String user, String password, String query) {

  private static final String PREFIX = "jdbc:postgresql://";

  static DatabaseAddress of(String jdbcUrl, String user, String password) {
    if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalStateException(
          "Backup verification needs a jdbc:postgresql://host:port/database URL");
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int queryStart = rest.indexOf('?');
    String query = queryStart < 0 ? "" : rest.substring(queryStart);
    String path = queryStart < 0 ? rest : rest.substring(0, queryStart);
    int slash = path.indexOf('/');
    if (slash < 0 || slash == path.length() - 1) {
      throw new IllegalStateException("The JDBC URL names no database");
    }
    String authority = path.substring(0, slash);
    if (authority.contains(",")) {
      throw new IllegalStateException("Backup verification supports one database host");
    }
    String host = authority;
    int port = 5432;
    int colon = authority.lastIndexOf(':');
    if (colon > 0 && !authority.endsWith("]")) {
      host = authority.substring(0, colon);
      port = Integer.parseInt(authority.substring(colon + 1));
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new DatabaseAddress(
        host.isEmpty() ? "localhost" : host,
        port,
        path.substring(slash + 1),
        user == null ? "" : user,
        password == null ? "" : password,
        query);
  }

  /** The same server, another database. */
  DatabaseAddress withDatabase(String other) {
    return new DatabaseAddress(host, port, other, user, password, query);
  }

  String jdbcUrl() {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return PREFIX + authority + ":" + port + "/" + database + query;
  }

  /** PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE for pg_dump and pg_restore. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PGHOST", host);
    environment.put("PGPORT", Integer.toString(port));
    environment.put("PGUSER", user);
    environment.put("PGPASSWORD", password);
    environment.put("PGDATABASE", database);
    return environment;
  }

  @Override
  public String toString() {
    return host + ":" + port + "/" + database;
  }
}
