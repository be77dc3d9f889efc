package dev.flowlet.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  @Test
  void runsPostgres15AndAnswersInADatabaseItCreated() throws Exception {
    try (PostgresServer server = PostgresServer.start(dataDir, 0)) {
      server.createDatabase("flowlet_answers");

      try (Connection connection = connect(server, "flowlet_answers")) {
        assertThat(queryString(connection, "SELECT current_database()"))
            .isEqualTo("flowlet_answers");
        assertThat(queryString(connection, "SHOW server_version")).startsWith("15.");
      }
    }
  }

  @Test
  void keepsDataAcrossRestartsOnTheSameDataDir() throws Exception {
    try (PostgresServer server = PostgresServer.start(dataDir, 0)) {
      server.createDatabase("flowlet_kept");
      try (Connection connection = connect(server, "flowlet_kept");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE account (iban text PRIMARY KEY)");
        statement.execute("INSERT INTO account VALUES ('DE02100100109307118603')");
      }
    }

    try (PostgresServer restarted = PostgresServer.start(dataDir, 0);
        Connection connection = connect(restarted, "flowlet_kept")) {
      assertThat(queryString(connection, "SELECT iban FROM account"))
          .isEqualTo("DE02100100109307118603");
    }
  }

  @Test
  void dropsADatabaseThatStillHasOpenConnections() throws Exception {
    try (PostgresServer server = PostgresServer.start(dataDir, 0)) {
      server.createDatabase("flowlet_busy");
      try (Connection stillOpen = connect(server, "flowlet_busy")) {
        server.dropDatabase("flowlet_busy");

        assertThatThrownBy(() -> queryString(stillOpen, "SELECT 1"))
            .isInstanceOf(SQLException.class);
      }
      try (Connection admin = connect(server, "postgres")) {
        assertThat(
                queryString(
                    admin, "SELECT count(*) FROM pg_database WHERE datname = 'flowlet_busy'"))
            .isEqualTo("0");
      }
    }
  }

  @Test
  void refusesDatabaseNamesThatAreNotPlainIdentifiers() throws Exception {
    try (PostgresServer server = PostgresServer.start(dataDir, 0)) {
      assertThatThrownBy(() -> server.createDatabase("x\"; DROP DATABASE postgres; --"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void listensOnTheFixedPortItIsGivenAndRefusesATakenOne() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (PostgresServer server = PostgresServer.start(dataDir, port)) {
      assertThat(server.jdbcUrl("postgres"))
          .isEqualTo("jdbc:postgresql://localhost:" + port + "/postgres");

      assertThatThrownBy(() -> PostgresServer.start(dataDir.resolve("other"), port))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "PostgreSQL cannot listen on localhost:"
                  + port
                  + ": the port is already in use (another PostgreSQL still running?)");
    }
  }

  @Test
  void stopsThePostgresProcessOnClose() {
    PostgresServer server = PostgresServer.start(dataDir, 0);
    ProcessHandle postmaster = ProcessHandle.of(server.pid()).orElseThrow();

    server.close();

    await().atMost(PATIENCE).until(() -> !postmaster.isAlive());
  }

  @Test
  void stopsThePostgresProcessWhenItsJvmIsKilled() throws Exception {
    Process jvm = startPostgresInAnotherJvm(dataDir);
    ProcessHandle postmaster = ProcessHandle.of(postmasterPidOf(jvm)).orElseThrow();

    jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs

    await().atMost(PATIENCE).until(() -> !postmaster.isAlive());
  }

  @Test
  void restartsOnADataDirWhosePostgresOutlivedItsJvm() throws Exception {
    Process jvm = startPostgresInAnotherJvm(dataDir);
    ProcessHandle orphan = ProcessHandle.of(postmasterPidOf(jvm)).orElseThrow();
    // Kill the watchdog too, as a crash of the whole process tree would.
    jvm.descendants().forEach(ProcessHandle::destroyForcibly);
    jvm.destroyForcibly();
    jvm.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(orphan.isAlive()).isTrue();

    try (PostgresServer server = PostgresServer.start(dataDir, 0);
        Connection connection = connect(server, "postgres")) {
      assertThat(orphan.isAlive()).isFalse();
      assertThat(queryString(connection, "SELECT 1")).isEqualTo("1");
    }
  }

  private static Process startPostgresInAnotherJvm(Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                PostgresInAnotherJvm.class.getName(),
                dataDir.toString()))
        .redirectErrorStream(true)
        .start();
  }

  private static long postmasterPidOf(Process jvm) throws Exception {
    CompletableFuture<Long> pid =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith(PostgresInAnotherJvm.PID_MARKER)) {
                    return Long.parseLong(line.substring(PostgresInAnotherJvm.PID_MARKER.length()));
                  }
                }
                throw new IllegalStateException("The other JVM ended without starting PostgreSQL");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return pid.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  static Connection connect(PostgresCluster server, String database) throws SQLException {
    return DriverManager.getConnection(
        server.jdbcUrl(database), server.username(), server.password());
  }

  static String queryString(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
