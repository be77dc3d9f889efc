package dev.flowlet.local;

import dev.flowlet.testsupport.elasticsearch.ElasticsearchNode;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import dev.flowlet.testsupport.ports.LoopbackPorts;
import dev.flowlet.testsupport.postgres.ExternalPostgres;
import dev.flowlet.testsupport.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the local stack in dependency order (PostgreSQL, Kafka, Elasticsearch, then the apps) and
 * stops it in reverse. Data lives under {@code FLOWLET_HOME/data}, so a restart keeps it.
 */
final class LocalStack implements AutoCloseable {

  static final String DATABASE = "flowlet";
  private static final Duration APP_START_TIMEOUT = Duration.ofSeconds(180);
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final LocalSettings settings;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  LocalStack(LocalSettings settings) {
    this.settings = settings;
  }

  void start() {
    long begin = System.nanoTime();
    requirePortsFree();
    Map<String, String> database = startDatabase();
    KafkaBroker kafka =
        remember(KafkaBroker.start(settings.dataDir("kafka"), settings.kafkaPort()));
    log.info("Kafka ready at {}", kafka.bootstrapServers());
    ElasticsearchNode elasticsearch =
        remember(
            ElasticsearchNode.start(
                settings.dataDir("elasticsearch"), settings.elasticsearchPort()));
    log.info("Elasticsearch ready at {}", elasticsearch.httpUrl());

    Map<String, String> common = new HashMap<>(database);
    common.put("SPRING_PROFILES_ACTIVE", "local");
    common.put("FLOWLET_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    common.put("FLOWLET_ES_URL", elasticsearch.httpUrl());
    common.put("FLOWLET_DEMO_PASSWORD", settings.demoPassword());
    for (App app : App.values()) {
      common.put(app.portVariable, Integer.toString(app.port(settings)));
    }
    common.put("FLOWLET_STREAMS_STATE_DIR", settings.dataDir("streams").toString());

    Map<String, AppProcess> apps = new LinkedHashMap<>();
    for (App app : App.values()) {
      AppProcess process =
          remember(
              AppProcess.start(
                  app.artifact,
                  app.jar(settings.root()),
                  common,
                  app.port(settings),
                  settings.logFile(app.artifact),
                  APP_START_TIMEOUT));
      log.info("{} healthy at {}", app.artifact, process.baseUrl());
      apps.put(app.artifact, process);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    System.out.println(banner(apps, kafka, elasticsearch, database, took));
  }

  private Map<String, String> startDatabase() {
    if (settings.externalDatabase()) {
      ExternalPostgres.fromEnvironment().orElseThrow();
      log.info("Using the external PostgreSQL named by FLOWLET_DB_URL");
      return Map.of();
    }
    PostgresServer postgres =
        remember(PostgresServer.start(settings.dataDir("postgres"), settings.postgresPort()));
    createDatabaseIfMissing(postgres);
    log.info("PostgreSQL ready on port {}", postgres.port());
    return Map.of(
        "FLOWLET_DB_URL", postgres.jdbcUrl(DATABASE),
        "FLOWLET_DB_USER", postgres.username(),
        "FLOWLET_DB_PASSWORD", postgres.password());
  }

  private static void createDatabaseIfMissing(PostgresServer postgres) {
    try (var connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
        var statement =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      statement.setString(1, DATABASE);
      if (!statement.executeQuery().next()) {
        postgres.createDatabase(DATABASE);
      }
    } catch (SQLException e) {
      throw new StackStartException("Embedded PostgreSQL does not answer: " + e.getMessage(), e);
    }
  }

  private void requirePortsFree() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("api (FLOWLET_API_PORT)", settings.apiPort());
    ports.put("streams-processor (FLOWLET_STREAMS_PORT)", settings.streamsPort());
    ports.put("batch-jobs (FLOWLET_BATCH_PORT)", settings.batchPort());
    ports.put("Kafka (FLOWLET_KAFKA_PORT)", settings.kafkaPort());
    ports.put("Elasticsearch (FLOWLET_ES_PORT)", settings.elasticsearchPort());
    if (!settings.externalDatabase()) {
      ports.put("PostgreSQL (FLOWLET_PG_PORT)", settings.postgresPort());
    }
    ports.forEach(
        (what, port) -> {
          if (!LoopbackPorts.isFree(port)) {
            throw new StackStartException(
                "port "
                    + port
                    + " for "
                    + what
                    + " is already in use: stop what uses it (is Flowlet already up?) or set the"
                    + " variable to another port");
          }
        });
  }

  private <T extends AutoCloseable> T remember(T part) {
    started.push(part);
    return part;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private String banner(
      Map<String, AppProcess> apps,
      KafkaBroker kafka,
      ElasticsearchNode elasticsearch,
      Map<String, String> database,
      Duration took) {
    StringBuilder text = new StringBuilder();
    text.append("\nFlowlet is up (").append(took.toMillis() / 100 / 10.0).append(" s)\n\n");
    apps.forEach(
        (name, app) ->
            text.append(
                String.format(
                    "  %-18s %s  (health %s/health, metrics %s/metrics)%n",
                    name, app.baseUrl(), app.baseUrl(), app.baseUrl())));
    text.append(String.format("  %-18s %s%n", "Kafka", kafka.bootstrapServers()));
    text.append(String.format("  %-18s %s%n", "Elasticsearch", elasticsearch.httpUrl()));
    text.append(
        String.format(
            "  %-18s %s%n",
            "PostgreSQL",
            database.isEmpty() ? "external (FLOWLET_DB_URL)" : database.get("FLOWLET_DB_URL")));
    text.append("\n  Demo users (local profile only), password FLOWLET_DEMO_PASSWORD")
        .append(
            settings.demoPassword().equals("flowlet-demo") ? " (default: flowlet-demo)" : " (set)")
        .append(":\n    demo-operator, demo-officer, demo-approver, demo-auditor, demo-admin\n");
    text.append("\n  Data in ")
        .append(settings.home())
        .append("; logs in ")
        .append(settings.home().resolve("logs"))
        .append("\n  Ctrl-C stops everything.\n");
    return text.toString();
  }

  /** The three apps, in start order. */
  enum App {
    API("flowlet-api", "FLOWLET_API_PORT"),
    STREAMS_PROCESSOR("flowlet-streams-processor", "FLOWLET_STREAMS_PORT"),
    BATCH_JOBS("flowlet-batch-jobs", "FLOWLET_BATCH_PORT");

    final String artifact;

    /** The environment variable the app reads its HTTP port from. */
    final String portVariable;

    App(String artifact, String portVariable) {
      this.artifact = artifact;
      this.portVariable = portVariable;
    }

    Path jar(Path root) {
      String folder = artifact.substring("flowlet-".length());
      return root.resolve(folder).resolve("target").resolve(artifact + "-exec.jar");
    }

    int port(LocalSettings settings) {
      return switch (this) {
        case API -> settings.apiPort();
        case STREAMS_PROCESSOR -> settings.streamsPort();
        case BATCH_JOBS -> settings.batchPort();
      };
    }
  }
}
