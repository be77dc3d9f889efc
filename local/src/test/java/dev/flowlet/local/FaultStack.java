package dev.flowlet.local;

import dev.flowlet.local.verify.VerifySettings;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import dev.flowlet.testsupport.network.TcpProxy;
import dev.flowlet.testsupport.ports.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The whole local stack as {@code ./flowlet up} runs it (the same {@link LocalStack}, supervision
 * included), on free ports and scratch data, with a {@link TcpProxy} between the apps and
 * PostgreSQL and another between the apps and Kafka (a second broker listener advertised on the
 * proxy's port, so reconnects stay behind the proxy). Kafka runs in this test JVM, as it runs in
 * the launcher's.
 */
final class FaultStack implements AutoCloseable {

  private final LocalSettings settings;
  private final LocalStack stack;
  private final TcpProxy databaseProxy;
  private final TcpProxy kafkaProxy;

  private FaultStack(
      LocalSettings settings, LocalStack stack, TcpProxy databaseProxy, TcpProxy kafkaProxy) {
    this.settings = settings;
    this.stack = stack;
    this.databaseProxy = databaseProxy;
    this.kafkaProxy = kafkaProxy;
  }

  static FaultStack start() {
    Path root = Path.of(System.getProperty("flowlet.root", "..")).toAbsolutePath().normalize();
    Path home;
    try {
      home = Files.createTempDirectory("flowlet-faults");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalSettings settings =
        new LocalSettings(
            root,
            home,
            LoopbackPorts.pickFree(),
            LoopbackPorts.pickFree(),
            LoopbackPorts.pickFree(),
            LoopbackPorts.pickFree(),
            LoopbackPorts.pickFree(),
            LoopbackPorts.pickFree(),
            LoopbackPorts.pickFree(),
            false,
            "flowlet-demo",
            EnumSet.allOf(FlowletApp.class));
    TcpProxy proxy = TcpProxy.start(settings.postgresPort());
    TcpProxy kafkaProxy = TcpProxy.start(LoopbackPorts.pickFree());
    var kafkaListener = new KafkaBroker.ProxiedListener(kafkaProxy.targetPort(), kafkaProxy.port());
    LocalStack stack =
        new LocalStack(
            settings,
            Map.of(
                "FLOWLET_KAFKA_BOOTSTRAP",
                kafkaListener.bootstrapServers(),
                "FLOWLET_DB_URL",
                "jdbc:postgresql://localhost:" + proxy.port() + "/" + LocalStack.DATABASE,
                // One load generator is many clients: the per-client limits would refuse it.
                "FLOWLET_RATE_LIMITS_ENABLED",
                "false",
                "FLOWLET_IMPORT_DIR",
                home.resolve("import").toString(),
                // A crashed job's execution may be resumed 5 s after its last update (default 30
                // min).
                "FLOWLET_BATCH_JOBS_STALEAFTER",
                "5s",
                // batch-jobs looks for crashed executions every 2 s (default 1 min).
                "FLOWLET_BATCH_JOBS_RECOVERYINTERVAL",
                "2s"),
            kafkaListener);
    try {
      stack.start();
    } catch (RuntimeException e) {
      stack.close();
      proxy.close();
      kafkaProxy.close();
      throw e;
    }
    return new FaultStack(settings, stack, proxy, kafkaProxy);
  }

  SupervisedPart part(String name) {
    return stack.part(name);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + settings.apiPort();
  }

  String streamsUrl() {
    return "http://127.0.0.1:" + settings.streamsPort();
  }

  String batchUrl() {
    return "http://127.0.0.1:" + settings.batchPort();
  }

  Path importDir() {
    return settings.home().resolve("import");
  }

  TcpProxy databaseProxy() {
    return databaseProxy;
  }

  /** Between the apps and Kafka (the verifier and the test read Kafka directly, if at all). */
  TcpProxy kafkaProxy() {
    return kafkaProxy;
  }

  /** PostgreSQL directly, not through the proxy. */
  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + LocalStack.DATABASE;
  }

  String elasticsearchUrl() {
    return "http://127.0.0.1:" + settings.elasticsearchPort();
  }

  VerifySettings verifySettings(Duration settle) {
    return VerifySettings.whole(
        jdbcUrl(), "postgres", "", "http://127.0.0.1:" + settings.elasticsearchPort(), settle);
  }

  /** How many of {@code ids} are committed transactions with a projected decision. */
  long committedAndDecided(Set<String> ids) {
    try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        var statement =
            db.prepareStatement(
                "select count(*) from transactions t join risk_decisions d"
                    + " on d.transaction_id = t.id where t.id = any(?::uuid[])")) {
      statement.setArray(1, db.createArrayOf("text", ids.toArray()));
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How old the oldest outbox row not yet published to Kafka is (zero when none waits). */
  Duration oldestUnpublishedOutboxRow() {
    try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        var statement =
            db.prepareStatement(
                "select coalesce(extract(epoch from now() - min(created_at)), 0)"
                    + " from outbox where published_at is null");
        var rows = statement.executeQuery()) {
      rows.next();
      return Duration.ofMillis(Math.round(rows.getDouble(1) * 1000));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Log lines at ERROR level in the apps' logs. */
  long errorLines() {
    long count = 0;
    for (FlowletApp app : FlowletApp.values()) {
      Path log = settings.logFile(app.artifact);
      try (var lines = Files.lines(log)) {
        count += lines.filter(line -> line.contains(" ERROR ")).count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return count;
  }

  @Override
  public void close() {
    stack.close();
    databaseProxy.close();
    kafkaProxy.close();
  }
}
