package dev.flowlet.batch;

import dev.flowlet.testsupport.FlowletInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Applies the API's own migrations ({@code api/src/main/resources/db/migration}, the ledger schema
 * the jobs read) to the test database's {@code public} schema, once per JVM, before the app starts.
 */
public final class LedgerSchema
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static boolean applied;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    apply();
  }

  static synchronized void apply() {
    if (applied) {
      return;
    }
    FlowletInfrastructure servers = FlowletInfrastructure.shared();
    Flyway.configure()
        .dataSource(servers.jdbcUrl(), servers.dbUsername(), servers.dbPassword())
        .schemas("public")
        .locations("filesystem:" + migrations())
        .load()
        .migrate();
    applied = true;
  }

  private static Path migrations() {
    String configured = System.getProperty("flowlet.test.ledger-migrations");
    Path folder =
        configured != null
            ? Path.of(configured)
            : Path.of("..", "api", "src", "main", "resources", "db", "migration");
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("The API's migrations are not at " + folder.toAbsolutePath());
    }
    return folder.toAbsolutePath().normalize();
  }
}
