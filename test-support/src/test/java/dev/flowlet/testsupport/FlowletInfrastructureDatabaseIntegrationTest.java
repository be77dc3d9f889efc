package dev.flowlet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowletInfrastructureDatabaseIntegrationTest {

  @TempDir Path dataDir;

  @Test
  void createsTheRunsDatabaseAtStartAndDropsItAtStopEvenWhileInUse() throws Exception {
    try (PostgresServer postgres = PostgresServer.start(dataDir, 0)) {
      // No resources: stopping the infrastructure must leave this server running for the check.
      var servers =
          new FlowletInfrastructureServers(
              "127.0.0.1:1", "http://127.0.0.1:1", postgres, List.of());
      FlowletInfrastructure infrastructure = FlowletInfrastructure.withFreshDatabase(servers);
      assertThat(databaseExists(postgres, infrastructure.databaseName())).isTrue();

      try (Connection stillOpen =
          DriverManager.getConnection(
              infrastructure.jdbcUrl(), infrastructure.dbUsername(), infrastructure.dbPassword())) {
        infrastructure.stop();
      }

      assertThat(databaseExists(postgres, infrastructure.databaseName())).isFalse();
    }
  }

  private static boolean databaseExists(PostgresServer postgres, String name) throws Exception {
    try (Connection admin =
            DriverManager.getConnection(
                postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
        PreparedStatement query =
            admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1) == 1;
      }
    }
  }
}
