package dev.flowlet.local;

import dev.flowlet.testsupport.elasticsearch.ElasticsearchNode;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import dev.flowlet.testsupport.ports.LoopbackPorts;
import dev.flowlet.testsupport.postgres.ExternalPostgres;
import dev.flowlet.testsupport.postgres.PostgresServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
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
  private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();

  LocalStack(LocalSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts the three servers side by side, then the three apps side by side: none of the apps needs
   * another app to start, only the servers.
   */
  void start() {
    long begin = System.nanoTime();
    requirePortsFree();
    CompletableFuture<Map<String, String>> databaseStarted = inBackground(this::startDatabase);
    CompletableFuture<KafkaBroker> kafkaStarted =
        inBackground(
            () -> remember(KafkaBroker.start(settings.dataDir("kafka"), settings.kafkaPort())));
    CompletableFuture<ElasticsearchNode> elasticsearchStarted =
        inBackground(
            () ->
                remember(
                    ElasticsearchNode.start(
                        settings.dataDir("elasticsearch"), settings.elasticsearchPort())));
    settle(databaseStarted, kafkaStarted, elasticsearchStarted);
    Map<String, String> database = await(databaseStarted);
    KafkaBroker kafka = await(kafkaStarted);
    log.info("Kafka ready at {}", kafka.bootstrapServers());
    ElasticsearchNode elasticsearch = await(elasticsearchStarted);
    log.info("Elasticsearch ready at {}", elasticsearch.httpUrl());

    Map<String, String> common = new HashMap<>(database);
    common.put("SPRING_PROFILES_ACTIVE", "local");
    common.put("FLOWLET_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    common.put("FLOWLET_ES_URL", elasticsearch.httpUrl());
    common.put("FLOWLET_DEMO_PASSWORD", settings.demoPassword());
    for (FlowletApp app : FlowletApp.values()) {
      common.put(app.portVariable, Integer.toString(app.port(settings)));
    }
    common.put("FLOWLET_STREAMS_STATE_DIR", settings.dataDir("streams").toString());
    // batch-jobs writes GDPR export archives here and the API hands them out: one folder.
    common.put("FLOWLET_EXPORT_DIR", settings.dataDir("exports").toString());

    Map<FlowletApp, CompletableFuture<AppProcess>> starting = new EnumMap<>(FlowletApp.class);
    for (FlowletApp app : settings.apps()) {
      starting.put(
          app,
          inBackground(
              () ->
                  remember(
                      AppProcess.start(
                          app.artifact,
                          app.jar(settings.root()),
                          common,
                          app.port(settings),
                          settings.logFile(app.artifact),
                          APP_START_TIMEOUT))));
    }
    settle(starting.values().toArray(CompletableFuture[]::new));
    Map<String, AppProcess> apps = new LinkedHashMap<>();
    starting.forEach(
        (app, process) -> {
          apps.put(app.artifact, await(process));
          log.info("{} healthy at {}", app.artifact, apps.get(app.artifact).baseUrl());
        });
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    System.out.println(StartupBanner.render(settings, apps, kafka, elasticsearch, database, took));
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

  private static <T> CompletableFuture<T> inBackground(Supplier<T> task) {
    return CompletableFuture.supplyAsync(
        task, command -> Thread.ofPlatform().daemon().start(command));
  }

  /**
   * Waits until every part of a stage started or failed, so that nothing is still starting when a
   * failure stops the stack.
   */
  private static void settle(CompletableFuture<?>... stage) {
    CompletableFuture.allOf(stage).exceptionally(failure -> null).join();
  }

  /** The result of a part started in the background, or the reason it could not start. */
  private static <T> T await(CompletableFuture<T> starting) {
    try {
      return starting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
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
}
