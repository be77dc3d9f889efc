package dev.flowlet.testsupport.kafka;

import dev.flowlet.testsupport.ports.LoopbackPorts;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka 4 broker inside this JVM: one KRaft node that is broker and controller, listening on
 * 127.0.0.1, set up for exactly-once on a single node (internal topics with one replica), three
 * partitions per new topic.
 *
 * <p>Tests start it on a random port in a temporary folder; the local launcher starts it on the
 * documented port 9092 with its log dir kept in a project folder, so a restart keeps topics and
 * committed offsets. The log dir is formatted on first use only, as {@code kafka-storage.sh format}
 * would do it.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start(logDir, 0)) {
 *   producerProps.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

  /** A random port can be taken by someone else between picking and binding it: pick again. */
  private static final int BIND_ATTEMPTS = 3;

  private final KafkaRaftServer server;
  private final Path logDir;
  private final int port;
  private boolean closed;

  private KafkaBroker(KafkaRaftServer server, Path logDir, int port) {
    this.server = server;
    this.logDir = logDir;
    this.port = port;
  }

  /**
   * Starts a broker and returns once clients can use it.
   *
   * @param logDir where topics live; formatted on first use, reused as it is afterwards
   * @param port the client port on 127.0.0.1, or 0 for a free one
   * @throws IllegalStateException when a fixed port is taken or the broker does not come up
   */
  public static KafkaBroker start(Path logDir, int port) {
    return start(logDir, port, null);
  }

  /**
   * A listener the broker binds on {@code port} but advertises on {@code advertisedPort}, where a
   * TCP proxy that forwards to {@code port} listens: clients bootstrapping through the proxy keep
   * every connection going through it, so fault tests can slow or cut the network between the apps
   * and Kafka. Both ports are fixed, so a restarted broker keeps them.
   */
  public record ProxiedListener(int port, int advertisedPort) {
    public ProxiedListener {
      if (port <= 0 || port > 65535 || advertisedPort <= 0 || advertisedPort > 65535) {
        throw new IllegalArgumentException("proxied listener ports must be 1-65535");
      }
    }

    /** {@code 127.0.0.1:<advertisedPort>}, for {@code bootstrap.servers} through the proxy. */
    public String bootstrapServers() {
      return "127.0.0.1:" + advertisedPort;
    }
  }

  /**
   * Starts a broker with a second client listener for a TCP proxy (see {@link ProxiedListener}).
   *
   * @param proxied the proxied listener, or null for none
   */
  public static KafkaBroker start(Path logDir, int port, ProxiedListener proxied) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Kafka port must be 0 (random) or 1-65535, not " + port);
    }
    long startedAt = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      requireFree(port);
      if (proxied != null) {
        requireFree(proxied.port());
      }
      int brokerPort = port == 0 ? LoopbackPorts.pickFree() : port;
      int controllerPort = otherFreePortThan(brokerPort);
      KafkaConfig config =
          new KafkaConfig(
              BrokerConfig.forSingleNode(logDir, brokerPort, controllerPort, proxied), false);
      KraftStorage.formatIfNeeded(config, logDir);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        server.startup();
      } catch (RuntimeException e) {
        stopAfterFailedStart(server, e);
        if (isBindFailure(e) && attempt < BIND_ATTEMPTS) {
          LOG.info("Kafka port taken while starting, trying other ports");
          continue;
        }
        requireFree(port);
        throw new IllegalStateException(
            "Kafka broker did not start on 127.0.0.1:" + brokerPort + ": " + rootMessage(e), e);
      }
      LOG.info(
          "Kafka broker up on 127.0.0.1:{} in {} ms (log dir {})",
          brokerPort,
          Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
          logDir);
      return new KafkaBroker(server, logDir, brokerPort);
    }
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The client port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The folder holding this broker's topics and metadata. */
  public Path logDir() {
    return logDir;
  }

  /** Shuts the broker down cleanly (flushes logs, releases the log dir lock and the ports). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long stoppingAt = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    LOG.info(
        "Kafka broker on 127.0.0.1:{} stopped in {} ms",
        port,
        Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
  }

  private static void requireFree(int port) {
    if (port != 0 && !LoopbackPorts.isFree(port)) {
      throw new IllegalStateException(
          "Kafka cannot listen on 127.0.0.1:"
              + port
              + ": the port is already in use (another broker still running?)");
    }
  }

  private static int otherFreePortThan(int brokerPort) {
    int controllerPort = LoopbackPorts.pickFree();
    while (controllerPort == brokerPort) {
      controllerPort = LoopbackPorts.pickFree();
    }
    return controllerPort;
  }

  /** A half-started node still holds threads, sockets and the log dir lock. */
  private static void stopAfterFailedStart(KafkaRaftServer server, RuntimeException failure) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
  }
}
