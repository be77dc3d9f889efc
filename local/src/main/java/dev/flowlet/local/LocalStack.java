package dev.flowlet.local;

import dev.flowlet.testsupport.elasticsearch.ElasticsearchNode;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import dev.flowlet.testsupport.ports.LoopbackPorts;
import dev.flowlet.testsupport.postgres.ExternalPostgres;
import dev.flowlet.testsupport.postgres.PostgresServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the local stack in dependency order (PostgreSQL, Kafka, Elasticsearch, then the apps),
 * keeps every part running under a {@link SupervisedPart}, and stops it in reverse. Data lives
 * under {@code FLOWLET_HOME/data}, so a restart keeps it.
 */
final class LocalStack implements AutoCloseable {

  static final String DATABASE = "flowlet";
  private static final Duration APP_START_TIMEOUT = Duration.ofSeconds(180);
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final LocalSettings settings;
  private final Map<String, String> extraAppEnvironment;
  private final Map<String, SupervisedPart> parts = new LinkedHashMap<>();
  private final List<SupervisedPart> started = new ArrayList<>();

  /**
   * Set by {@link #close}: a stage still starting then starts nothing more (guarded by started).
   */
  private boolean closed;

  LocalStack(LocalSettings settings) {
    this(settings, Map.of());
  }

  /**
   * @param extraAppEnvironment added to every app's environment (fault tests switch off the rate
   *     limits of their load generator's clients)
   */
  LocalStack(LocalSettings settings, Map<String, String> extraAppEnvironment) {
    this(settings, extraAppEnvironment, null);
  }

  /**
   * @param kafkaProxied a second Kafka listener behind a TCP proxy (fault tests point the apps at
   *     it to slow or cut their connections to Kafka), or null
   */
  LocalStack(
      LocalSettings settings,
      Map<String, String> extraAppEnvironment,
      KafkaBroker.ProxiedListener kafkaProxied) {
    this.settings = settings;
    this.extraAppEnvironment = Map.copyOf(extraAppEnvironment);
    if (!settings.externalDatabase()) {
      add("postgresql", settings.postgresPort(), this::startDatabase);
    }
    add(
        "kafka",
        settings.kafkaPort(),
        () ->
            RunningPart.of(
                KafkaBroker.start(settings.dataDir("kafka"), settings.kafkaPort(), kafkaProxied)));
    add(
        "elasticsearch",
        settings.elasticsearchPort(),
        () ->
            RunningPart.of(
                ElasticsearchNode.start(
                    settings.dataDir("elasticsearch"), settings.elasticsearchPort())));
    for (FlowletApp app : settings.apps()) {
      add(
          app.folder(),
          app.port(settings),
          () ->
              RunningPart.of(
                  AppProcess.launch(
                      app.artifact,
                      app.jar(settings.root()),
                      appEnvironment(),
                      app.port(settings),
                      settings.logFile(app.artifact))));
    }
  }

  private void add(String name, int port, java.util.function.Supplier<RunningPart> starter) {
    parts.put(name, new SupervisedPart(name, port, starter));
  }

  /**
   * Starts the three servers side by side, then the three apps side by side and waits until they
   * are healthy: none of the apps needs another app to start, only the servers.
   */
  void start() {
    long begin = System.nanoTime();
    requirePortsFree();
    List<SupervisedPart> servers = new ArrayList<>();
    List<SupervisedPart> apps = new ArrayList<>();
    parts
        .values()
        .forEach(part -> (FlowletApp.byFolder(part.name()).isPresent() ? apps : servers).add(part));
    startAll(servers);
    log.info("PostgreSQL, Kafka and Elasticsearch ready");
    startAll(apps);
    List<CompletableFuture<Void>> healthy = new ArrayList<>();
    for (FlowletApp app : settings.apps()) {
      healthy.add(
          inBackground(
              () -> {
                AppHealth.await(
                    app.artifact, app.port(settings), APP_START_TIMEOUT, parts.get(app.folder()));
                log.info("{} healthy at http://127.0.0.1:{}", app.artifact, app.port(settings));
                return null;
              }));
    }
    settle(healthy);
    healthy.forEach(LocalStack::await);
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    System.out.println(StartupBanner.render(settings, took));
  }

  private void startAll(List<SupervisedPart> stage) {
    List<CompletableFuture<Void>> starting = new ArrayList<>();
    for (SupervisedPart part : stage) {
      synchronized (started) {
        if (closed) {
          throw new StackStartException("the stack was closed while starting");
        }
        started.add(part);
      }
      starting.add(
          inBackground(
              () -> {
                part.start();
                return null;
              }));
    }
    settle(starting);
    starting.forEach(LocalStack::await);
  }

  /** The environment every app gets: where the servers are, and the local profile. */
  Map<String, String> appEnvironment() {
    Map<String, String> common = new HashMap<>();
    if (!settings.externalDatabase()) {
      common.put(
          "FLOWLET_DB_URL",
          "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + DATABASE);
      common.put("FLOWLET_DB_USER", "postgres");
      common.put("FLOWLET_DB_PASSWORD", "");
    }
    common.put("SPRING_PROFILES_ACTIVE", "local");
    common.put("FLOWLET_KAFKA_BOOTSTRAP", "127.0.0.1:" + settings.kafkaPort());
    common.put("FLOWLET_ES_URL", "http://127.0.0.1:" + settings.elasticsearchPort());
    common.put("FLOWLET_DEMO_PASSWORD", settings.demoPassword());
    for (FlowletApp app : FlowletApp.values()) {
      common.put(app.portVariable, Integer.toString(app.port(settings)));
    }
    common.put("FLOWLET_STREAMS_STATE_DIR", settings.dataDir("streams").toString());
    // batch-jobs writes GDPR export archives here and the API hands them out: one folder.
    common.put("FLOWLET_EXPORT_DIR", settings.dataDir("exports").toString());
    common.putAll(extraAppEnvironment);
    return common;
  }

  /** The part named {@code name} (kafka, elasticsearch, postgresql, api, ...). */
  SupervisedPart part(String name) {
    SupervisedPart part = parts.get(name);
    if (part == null) {
      throw new IllegalArgumentException(
          "no part named '" + name + "'; parts: " + String.join(", ", parts.keySet()));
    }
    return part;
  }

  List<PartStatus> status() {
    return parts.values().stream().map(SupervisedPart::status).toList();
  }

  private RunningPart startDatabase() {
    PostgresServer postgres =
        PostgresServer.start(settings.dataDir("postgres"), settings.postgresPort());
    try {
      createDatabaseIfMissing(postgres);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    return RunningPart.of(postgres);
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
      // The embedded server starts with synchronous_commit=off (zonky's default, for fast tests): a
      // commit would be answered before its WAL is written, and a crashed server would lose
      // transactions the API had answered 201. The fault suite found it (PostgreSQL killed with
      // SIGKILL). On for Flowlet's database, whatever the server default.
      try (var durable = connection.createStatement()) {
        durable.execute("alter database " + DATABASE + " set synchronous_commit = on");
      }
    } catch (SQLException e) {
      throw new StackStartException("Embedded PostgreSQL does not answer: " + e.getMessage(), e);
    }
  }

  private void requirePortsFree() {
    if (settings.externalDatabase()) {
      ExternalPostgres.fromEnvironment().orElseThrow();
      log.info("Using the external PostgreSQL named by FLOWLET_DB_URL");
    }
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

  private static <T> CompletableFuture<T> inBackground(java.util.function.Supplier<T> task) {
    return CompletableFuture.supplyAsync(
        task, command -> Thread.ofPlatform().daemon().start(command));
  }

  /**
   * Waits until every part of a stage started or failed, so that nothing is still starting when a
   * failure stops the stack.
   */
  private static void settle(List<? extends CompletableFuture<?>> stage) {
    CompletableFuture.allOf(stage.toArray(CompletableFuture[]::new))
        .exceptionally(failure -> null)
        .join();
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

  /** Stops every part, apps first, without restarting any. */
  @Override
  public void close() {
    List<SupervisedPart> stopping;
    synchronized (started) {
      closed = true;
      stopping = new ArrayList<>(started).reversed();
      started.clear();
    }
    for (SupervisedPart part : stopping) {
      try {
        part.stop();
      } catch (RuntimeException e) {
        log.warn("Stopping {} failed: {}", part.name(), e.toString());
      }
    }
  }
}
