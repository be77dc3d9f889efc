package dev.flowlet.testsupport;

import dev.flowlet.testsupport.elasticsearch.ElasticsearchNode;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import dev.flowlet.testsupport.postgres.ExternalPostgres;
import dev.flowlet.testsupport.postgres.PostgresCluster;
import dev.flowlet.testsupport.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Starts the servers test-support runs itself, each on a random port with its data in one temporary
 * folder that is deleted when they stop: Kafka in this JVM, Elasticsearch and PostgreSQL as child
 * processes. An external PostgreSQL named by {@code FLOWLET_DB_URL} replaces the embedded one.
 */
final class FlowletInfrastructureEmbedded {

  private FlowletInfrastructureEmbedded() {}

  static FlowletInfrastructureServers start() {
    Path root = createTempRoot();
    // The three start independently and mostly wait (child JVM, initdb, controller election), so
    // starting them side by side takes about as long as the slowest one.
    ExecutorService starter =
        Executors.newFixedThreadPool(3, task -> new Thread(task, "flowlet-infrastructure-start"));
    try {
      Future<KafkaBroker> kafka = starter.submit(() -> KafkaBroker.start(root.resolve("kafka"), 0));
      Future<ElasticsearchNode> elasticsearch =
          starter.submit(() -> ElasticsearchNode.start(root.resolve("elasticsearch"), 0));
      Future<PostgresCluster> postgres = starter.submit(() -> postgres(root));

      List<AutoCloseable> resources = new ArrayList<>();
      resources.add(() -> deleteTree(root));
      RuntimeException failure = null;
      for (Future<? extends AutoCloseable> server : List.of(kafka, elasticsearch, postgres)) {
        try {
          resources.add(server.get());
        } catch (ExecutionException | InterruptedException e) {
          failure = collect(failure, e);
        }
      }
      if (failure != null) {
        stopAfterFailedStart(resources, failure);
        throw failure;
      }
      return new FlowletInfrastructureServers(
          kafka.resultNow().bootstrapServers(),
          elasticsearch.resultNow().httpUrl(),
          postgres.resultNow(),
          resources);
    } finally {
      starter.shutdown();
    }
  }

  private static PostgresCluster postgres(Path root) {
    return ExternalPostgres.fromEnvironment()
        .<PostgresCluster>map(external -> external)
        .orElseGet(() -> PostgresServer.start(root.resolve("postgres"), 0));
  }

  /**
   * The first failure is thrown as it is (its message is meant for people), the rest ride along.
   */
  private static RuntimeException collect(RuntimeException failure, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
    RuntimeException asRuntime =
        cause instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException("Starting the test infrastructure failed", cause);
    if (failure == null) {
      return asRuntime;
    }
    failure.addSuppressed(asRuntime);
    return failure;
  }

  private static void stopAfterFailedStart(List<AutoCloseable> started, RuntimeException failure) {
    try {
      FlowletInfrastructureServers.closeAll(started);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static Path createTempRoot() {
    try {
      return Files.createTempDirectory("flowlet-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary folder for the test servers", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
