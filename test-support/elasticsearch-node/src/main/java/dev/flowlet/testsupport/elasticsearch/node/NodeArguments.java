package dev.flowlet.testsupport.elasticsearch.node;

import java.nio.file.Path;
import java.util.List;
import org.elasticsearch.common.settings.Settings;

/**
 * The command line of {@link ElasticsearchNodeMain}: {@code --http-port N --home DIR --data DIR
 * [--cluster-name NAME] [--no-stdin-watch]}.
 *
 * <p>{@code --no-stdin-watch} is for launchers that cannot keep a pipe open (a shell script that
 * starts the node in the background gives it {@code /dev/null}, which is at end of file at once);
 * the node then stops on SIGTERM only.
 */
record NodeArguments(
    int httpPort, Path home, Path data, String clusterName, boolean exitOnStdinEof) {

  static final String USAGE =
      "usage: --http-port N --home DIR --data DIR [--cluster-name NAME] [--no-stdin-watch]";

  static NodeArguments parse(List<String> args) {
    Integer httpPort = null;
    Path home = null;
    Path data = null;
    String clusterName = "flowlet";
    boolean exitOnStdinEof = true;
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (name.equals("--no-stdin-watch")) {
        exitOnStdinEof = false;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value for " + name + "\n" + USAGE);
      }
      String value = args.get(++i);
      switch (name) {
        case "--http-port" -> httpPort = parsePort(value);
        case "--home" -> home = Path.of(value).toAbsolutePath();
        case "--data" -> data = Path.of(value).toAbsolutePath();
        case "--cluster-name" -> clusterName = value;
        default -> throw new IllegalArgumentException("unknown argument " + name + "\n" + USAGE);
      }
    }
    if (httpPort == null || home == null || data == null) {
      throw new IllegalArgumentException("--http-port, --home and --data are required\n" + USAGE);
    }
    return new NodeArguments(httpPort, home, data, clusterName, exitOnStdinEof);
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--http-port must be 0..65535, was " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--http-port must be a number, was " + value, e);
    }
  }

  String nodeName() {
    return clusterName + "-node";
  }

  /** Settings for one small local node that only listens on the loopback interface. */
  Settings settings() {
    return Settings.builder()
        .put("cluster.name", clusterName)
        .put("node.name", nodeName())
        .put("path.home", home.toString())
        .put("path.data", data.toString())
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.type", "netty4")
        .put("transport.type", "netty4")
        .put("http.port", httpPort)
        // Only HTTP is used; any free transport port lets several nodes run side by side.
        .put("transport.port", 0)
        // A developer disk that is 90 % full must not turn every index read-only.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        // Tests and resets delete indices by pattern.
        .put("action.destructive_requires_name", false)
        // Elasticsearch's native libraries (zstd, SIMD vector scoring) ship only in its
        // distributions, not on Maven Central: native access is always off here, and its warning
        // would print a stack trace on every start.
        .put("logger.org.elasticsearch.nativeaccess", "error")
        // Without a log4j2.properties only errors would be logged; startup and shutdown are worth
        // seeing.
        .put("logger.level", "INFO")
        .build();
  }
}
