package dev.flowlet.testsupport;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Kafka, Elasticsearch and PostgreSQL for integration tests, started once per JVM and shared
 * by all tests of a module.
 *
 * <p>Where the servers come from is chosen by the system property {@code
 * flowlet.test.infrastructure} or the environment variable {@code FLOWLET_TEST_INFRASTRUCTURE}:
 *
 * <ul>
 *   <li>{@code embedded} (default): a Kafka broker in this JVM, an Elasticsearch node and a
 *       PostgreSQL 15 server as child processes, on random ports, data in a temporary folder.
 *   <li>{@code testcontainers}: the same three as Docker containers; fails when there is no Docker.
 * </ul>
 *
 * <p>When {@code FLOWLET_DB_URL}, {@code FLOWLET_DB_USER} and {@code FLOWLET_DB_PASSWORD} name an
 * external PostgreSQL, it is used instead of starting one. Either way each run gets a fresh
 * database {@code flowlet_test_<random>}, dropped when the JVM exits.
 *
 * <pre>{@code
 * FlowletInfrastructure servers = FlowletInfrastructure.shared();
 * DriverManager.getConnection(servers.jdbcUrl(), servers.dbUsername(), servers.dbPassword());
 * }</pre>
 *
 * Spring Boot tests use {@link dev.flowlet.testsupport.spring.RealInfrastructure} instead.
 */
public final class FlowletInfrastructure {

  private static final Logger LOG = LoggerFactory.getLogger(FlowletInfrastructure.class);

  private static FlowletInfrastructure shared;
  private static RuntimeException sharedStartFailure;

  private final FlowletInfrastructureServers servers;
  private final String databaseName;
  private boolean stopped;

  private FlowletInfrastructure(FlowletInfrastructureServers servers, String databaseName) {
    this.servers = servers;
    this.databaseName = databaseName;
  }

  /**
   * The servers of this JVM, started on first call (in the mode the settings choose) and stopped by
   * a shutdown hook, which also drops this run's database.
   *
   * @throws IllegalStateException when they cannot start; later calls fail the same way at once
   *     instead of trying again for every test class
   * @throws IllegalArgumentException when the mode setting names an unknown mode
   */
  public static synchronized FlowletInfrastructure shared() {
    if (shared != null) {
      return shared;
    }
    if (sharedStartFailure != null) {
      throw new IllegalStateException(
          "The test infrastructure failed to start earlier in this JVM: "
              + sharedStartFailure.getMessage(),
          sharedStartFailure);
    }
    try {
      FlowletInfrastructure started =
          start(FlowletInfrastructureMode.select(System.getProperties(), System.getenv()));
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::stop, "flowlet-infrastructure-stop"));
      shared = started;
      return started;
    } catch (RuntimeException e) {
      sharedStartFailure = e;
      throw e;
    }
  }

  /** Starts a private set of servers; {@link #stop()} is then the caller's job. */
  static FlowletInfrastructure start(FlowletInfrastructureMode mode) {
    long startedAt = System.nanoTime();
    FlowletInfrastructure started = withFreshDatabase(mode.start());
    LOG.info(
        "Test infrastructure ({}) up in {} ms: Kafka {}, Elasticsearch {}, database {} on {}",
        mode.name().toLowerCase(Locale.ROOT),
        Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
        started.kafkaBootstrapServers(),
        started.elasticsearchUrl(),
        started.databaseName(),
        started.servers.postgres());
    return started;
  }

  /** Creates this run's database on running servers; stops them if that fails. */
  static FlowletInfrastructure withFreshDatabase(FlowletInfrastructureServers servers) {
    String database =
        "flowlet_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      servers.postgres().createDatabase(database);
    } catch (RuntimeException e) {
      try {
        servers.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return new FlowletInfrastructure(servers, database);
  }

  /** For {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}. */
  public String kafkaBootstrapServers() {
    return servers.kafkaBootstrapServers();
  }

  /** Base URL of the HTTP API, e.g. {@code http://127.0.0.1:40124}. */
  public String elasticsearchUrl() {
    return servers.elasticsearchUrl();
  }

  /** JDBC URL of this run's own database. */
  public String jdbcUrl() {
    return servers.postgres().jdbcUrl(databaseName);
  }

  /** The role that owns this run's database (it created it). */
  public String dbUsername() {
    return servers.postgres().username();
  }

  public String dbPassword() {
    return servers.postgres().password();
  }

  /** {@code flowlet_test_} followed by 12 random hex digits. */
  public String databaseName() {
    return databaseName;
  }

  /** The settings a Spring Boot app needs to use these servers, under Boot's property names. */
  public Map<String, String> springProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", jdbcUrl());
    properties.put("spring.datasource.username", dbUsername());
    properties.put("spring.datasource.password", dbPassword());
    properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
    properties.put("spring.elasticsearch.uris", elasticsearchUrl());
    return Collections.unmodifiableMap(properties);
  }

  /** Drops this run's database, then stops the servers; safe to call twice. */
  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    long stoppingAt = System.nanoTime();
    RuntimeException failure = null;
    try {
      servers.postgres().dropDatabase(databaseName);
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      servers.close();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    LOG.info(
        "Test infrastructure stopped in {} ms, database {} dropped",
        Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis(),
        databaseName);
  }
}
