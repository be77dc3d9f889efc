package dev.flowlet.testsupport.postgres;

/**
 * A PostgreSQL server on which tests may create and drop their own databases, with the credentials
 * of a role allowed to do so.
 */
public sealed interface PostgresCluster extends AutoCloseable
    permits PostgresServer, ExternalPostgres {

  /** A JDBC URL for {@code database} on this server. */
  String jdbcUrl(String database);

  String username();

  String password();

  /**
   * Creates an empty database.
   *
   * @param name lower-case letters, digits and underscores, starting with a letter or underscore
   */
  void createDatabase(String name);

  /** Drops the database if it exists, disconnecting whoever still uses it. */
  void dropDatabase(String name);

  /** Releases what this object started; a server it did not start keeps running. */
  @Override
  void close();
}
