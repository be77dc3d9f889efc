package dev.flowlet.testsupport.elasticsearch;

import dev.flowlet.testsupport.ports.LoopbackPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch 9 node running in a JVM of its own (a child process), listening for HTTP on
 * 127.0.0.1. It never shares a classpath with the caller: the node's jars are listed inside the
 * {@code flowlet-elasticsearch-node} artifact and handed to the child JVM.
 *
 * <p>The work folder holds {@code home/}, {@code data/} and {@code elasticsearch.log} (the child's
 * stdout and stderr, appended). Data is kept between starts, so starting again on the same folder
 * finds the same indices. The child exits when {@link #close()} sends it SIGTERM, and also when
 * this JVM dies, even by {@code kill -9}: it watches the standard-input pipe this handle keeps
 * open, so keep a reference to the handle for as long as the node is in use.
 *
 * <p>Heap: {@code -Xms512m -Xmx1g}, or both set to the system property {@code flowlet.es.heap} /
 * the environment variable {@code FLOWLET_ES_HEAP} (for example {@code 2g}).
 *
 * <pre>{@code
 * try (ElasticsearchNode node = ElasticsearchNode.start(workDir, 0)) {
 *   URI search = URI.create(node.httpUrl() + "/audit-events/_search");
 * }
 * }</pre>
 */
public final class ElasticsearchNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final int RANDOM_PORT_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 40;

  private final Process process;
  private final int httpPort;

  /** Never written to: while it is open, the child knows its parent is alive. */
  private final OutputStream parentAlivePipe;

  private boolean closed;

  private ElasticsearchNode(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
    this.parentAlivePipe = process.getOutputStream();
  }

  /**
   * Starts a node and returns once its cluster health is at least yellow.
   *
   * @param workDir holds {@code home/}, {@code data/} and {@code elasticsearch.log}; created if
   *     missing, reused as it is otherwise
   * @param httpPort the HTTP port on 127.0.0.1, or 0 for a free one
   * @throws IllegalStateException when the port is taken, this JVM is older than Java 21, or the
   *     node exits or is not ready within 90 s (the message ends with the tail of the log)
   */
  public static ElasticsearchNode start(Path workDir, int httpPort) {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException(
          "Elasticsearch HTTP port must be 0 (random) or 1-65535, not " + httpPort);
    }
    if (httpPort != 0 && !LoopbackPorts.isFree(httpPort)) {
      throw new IllegalStateException(
          "Port 127.0.0.1:" + httpPort + " is already in use, cannot start Elasticsearch on it");
    }
    NodeWorkDir dir = NodeWorkDir.prepare(workDir);
    for (int attempt = 1; ; attempt++) {
      int port = httpPort == 0 ? LoopbackPorts.pickFree() : httpPort;
      String url = httpUrl(port);
      long startedAt = System.nanoTime();
      Process process = dir.launch(port, url);
      NodeReadiness.Outcome outcome = awaitReady(process, url);
      if (outcome == NodeReadiness.Outcome.READY) {
        LOG.info(
            "Elasticsearch node ready at {} in {} ms (pid {}, log {})",
            url,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
            process.pid(),
            dir.log());
        return new ElasticsearchNode(process, port);
      }
      stopForcibly(process);
      if (outcome == NodeReadiness.Outcome.EXITED
          && httpPort == 0
          && attempt < RANDOM_PORT_ATTEMPTS
          && !LoopbackPorts.isFree(port)) {
        LOG.info("Port {} was taken while Elasticsearch started, trying another port", port);
        continue;
      }
      throw new IllegalStateException(failureMessage(outcome, process, url, dir.log()));
    }
  }

  /** For example {@code http://127.0.0.1:9200}. */
  public String httpUrl() {
    return httpUrl(httpPort);
  }

  public int httpPort() {
    return httpPort;
  }

  /** The process id of the node's JVM. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the node with SIGTERM (a clean node close), and kills it if that takes over 20 s. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn(
            "Elasticsearch node (pid {}) ignored SIGTERM for {}, killing it", pid(), STOP_TIMEOUT);
        stopForcibly(process);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      closePipe();
    }
    LOG.info("Elasticsearch node at {} stopped (pid {})", httpUrl(), pid());
  }

  private static NodeReadiness.Outcome awaitReady(Process process, String url) {
    try {
      return NodeReadiness.await(process, url, READY_TIMEOUT);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Elasticsearch at " + url, e);
    }
  }

  private static String failureMessage(
      NodeReadiness.Outcome outcome, Process process, String url, Path log) {
    String what =
        outcome == NodeReadiness.Outcome.EXITED
            ? "exited with code " + process.exitValue() + " before it was ready"
            : "was not ready within " + READY_TIMEOUT.toSeconds() + " s";
    return "Elasticsearch node for "
        + url
        + " "
        + what
        + ". Last lines of "
        + log
        + ":\n"
        + LogTail.lastLines(log, LOG_TAIL_LINES);
  }

  private static void stopForcibly(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closePipe() {
    try {
      parentAlivePipe.close();
    } catch (IOException e) {
      // The child is gone at this point; a pipe that cannot be closed cleanly changes nothing.
      LOG.debug("Closing the Elasticsearch node's stdin failed", e);
    }
  }

  private static String httpUrl(int port) {
    return "http://127.0.0.1:" + port;
  }
}
