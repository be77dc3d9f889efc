package dev.flowlet.testsupport;

import dev.flowlet.testsupport.postgres.PostgresCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The running servers of one mode, and what to close to stop them.
 *
 * @param resources closed in reverse order, so list a folder before the servers that write in it
 */
record FlowletInfrastructureServers(
    String kafkaBootstrapServers,
    String elasticsearchUrl,
    PostgresCluster postgres,
    List<AutoCloseable> resources) {

  FlowletInfrastructureServers {
    resources = List.copyOf(resources);
  }

  /** Closes everything, even when one close fails, and reports every failure. */
  void close() {
    closeAll(resources);
  }

  static void closeAll(List<? extends AutoCloseable> resources) {
    List<? extends AutoCloseable> reversed = new ArrayList<>(resources).reversed();
    IllegalStateException failure = null;
    for (AutoCloseable resource : reversed) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Stopping the test infrastructure failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
