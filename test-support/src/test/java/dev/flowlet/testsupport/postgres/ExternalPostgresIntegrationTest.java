package dev.flowlet.testsupport.postgres;

import static dev.flowlet.testsupport.postgres.PostgresServerIntegrationTest.connect;
import static dev.flowlet.testsupport.postgres.PostgresServerIntegrationTest.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalPostgresIntegrationTest {

  @TempDir Path dataDir;

  @Test
  void isAbsentWhenTheEnvironmentNamesNoServer() {
    assertThat(ExternalPostgres.fromEnvironment(Map.of())).isEmpty();
  }

  @Test
  void createsAndDropsDatabasesOnTheServerTheEnvironmentNames() throws Exception {
    // Another server stands in for the external one: it only needs to be reachable over JDBC.
    try (PostgresServer elsewhere = PostgresServer.start(dataDir, 0)) {
      ExternalPostgres external =
          ExternalPostgres.fromEnvironment(
                  Map.of(
                      "FLOWLET_DB_URL", elsewhere.jdbcUrl("postgres") + "?ApplicationName=flowlet",
                      "FLOWLET_DB_USER", "postgres",
                      "FLOWLET_DB_PASSWORD", ""))
              .orElseThrow();

      external.createDatabase("flowlet_external_check");
      assertThat(external.jdbcUrl("flowlet_external_check"))
          .isEqualTo(
              "jdbc:postgresql://localhost:"
                  + elsewhere.port()
                  + "/flowlet_external_check?ApplicationName=flowlet");
      try (Connection connection = connect(external, "flowlet_external_check")) {
        assertThat(queryString(connection, "SELECT current_database()"))
            .isEqualTo("flowlet_external_check");
      }
      external.dropDatabase("flowlet_external_check");
      try (Connection admin = connect(elsewhere, "postgres")) {
        assertThat(
                queryString(
                    admin,
                    "SELECT count(*) FROM pg_database WHERE datname = 'flowlet_external_check'"))
            .isEqualTo("0");
      }
    }
  }

  @Test
  void reportsAnUnreachableServerInOneLineWithoutUrlParameters() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?password=s3cret";

    assertThatThrownBy(
            () ->
                ExternalPostgres.fromEnvironment(
                    Map.of("FLOWLET_DB_URL", url, "FLOWLET_DB_USER", "flowlet")))
        .isInstanceOf(IllegalStateException.class)
        .hasNoCause()
        .hasMessageStartingWith(
            "External PostgreSQL at jdbc:postgresql://127.0.0.1:"
                + closedPort
                + "/postgres (from FLOWLET_DB_URL, user flowlet) does not answer: ")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("\n");
  }

  @Test
  void requiresAUserWhenAUrlIsGiven() {
    assertThatThrownBy(
            () ->
                ExternalPostgres.fromEnvironment(
                    Map.of("FLOWLET_DB_URL", "jdbc:postgresql://db.internal/postgres")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FLOWLET_DB_URL names an external PostgreSQL but FLOWLET_DB_USER is not set");
  }

  @Test
  void rejectsAUrlThatIsNotPostgres() {
    assertThatThrownBy(
            () ->
                ExternalPostgres.fromEnvironment(
                    Map.of("FLOWLET_DB_URL", "jdbc:mysql://db/x", "FLOWLET_DB_USER", "u")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FLOWLET_DB_URL must be a jdbc:postgresql://");
  }
}
