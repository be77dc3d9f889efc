package dev.flowlet.testsupport;

import dev.flowlet.testsupport.postgres.ExternalPostgres;
import dev.flowlet.testsupport.postgres.PostgresCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts the same three servers as Docker containers, for machines with a Docker engine. Images
 * match what production runs; the broker gets the same single-node exactly-once settings as the
 * embedded one.
 */
final class FlowletInfrastructureContainers {

  static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
  static final String POSTGRES_IMAGE = "postgres:15";
  static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.5.3";

  private FlowletInfrastructureContainers() {}

  static FlowletInfrastructureServers start() {
    requireDocker();
    KafkaContainer kafka = kafka();
    ElasticsearchContainer elasticsearch = elasticsearch();
    Optional<ExternalPostgres> external = ExternalPostgres.fromEnvironment();
    List<GenericContainer<?>> containers = new ArrayList<>(List.of(kafka, elasticsearch));
    PostgreSQLContainer postgresContainer = null;
    if (external.isEmpty()) {
      postgresContainer = new PostgreSQLContainer(POSTGRES_IMAGE);
      containers.add(postgresContainer);
    }
    List<AutoCloseable> resources = new ArrayList<>(containers);
    try {
      Startables.deepStart(containers).join();
      PostgresCluster postgres =
          external.isPresent()
              ? external.get()
              // The image's user is a superuser, so it may create the per-run database.
              : ExternalPostgres.connect(
                  postgresContainer.getJdbcUrl(),
                  postgresContainer.getUsername(),
                  postgresContainer.getPassword());
      return new FlowletInfrastructureServers(
          kafka.getBootstrapServers(),
          "http://" + elasticsearch.getHttpHostAddress(),
          postgres,
          resources);
    } catch (RuntimeException e) {
      RuntimeException failure =
          e instanceof CompletionException && e.getCause() instanceof RuntimeException cause
              ? cause
              : e;
      try {
        FlowletInfrastructureServers.closeAll(resources);
      } catch (RuntimeException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
  }

  /** Testcontainers mode without Docker fails the run: a skipped integration test is not a pass. */
  private static void requireDocker() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          "Test infrastructure 'testcontainers' needs a Docker engine and none was found (see"
              + " Testcontainers' log above); start Docker, or use the default 'embedded' mode"
              + " (unset "
              + FlowletInfrastructureMode.PROPERTY
              + " / "
              + FlowletInfrastructureMode.VARIABLE
              + ")");
    }
  }

  private static KafkaContainer kafka() {
    return new KafkaContainer(KAFKA_IMAGE)
        // One broker: exactly-once hangs silently unless internal topics accept one replica.
        .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
        .withEnv("KAFKA_NUM_PARTITIONS", "3")
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
  }

  private static ElasticsearchContainer elasticsearch() {
    return new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
        // Plain HTTP without credentials, like the embedded node.
        .withEnv("xpack.security.enabled", "false")
        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx1g");
  }
}
