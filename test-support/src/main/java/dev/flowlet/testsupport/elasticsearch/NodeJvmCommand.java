package dev.flowlet.testsupport.elasticsearch;

import dev.flowlet.testsupport.elasticsearch.node.NodeProcessProtocol;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of the node's JVM: the same {@code java} as this JVM, a bounded heap, the JVM
 * options an Elasticsearch distribution would set, and the classpath the node module's build wrote
 * into its own jar.
 */
final class NodeJvmCommand {

  static final String HEAP_PROPERTY = "flowlet.es.heap";
  static final String HEAP_ENV = "FLOWLET_ES_HEAP";
  private static final int MIN_JAVA = 21;

  private NodeJvmCommand() {}

  static List<String> forNode(int httpPort, Path home, Path data) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(heapOptions());
    command.addAll(
        List.of(
            // The node sets the system properties of Elasticsearch's jvm.options itself.
            "-Dfile.encoding=UTF-8",
            "--enable-native-access=ALL-UNNAMED",
            // Lucene's vectorized code paths, as in a distribution.
            "--add-modules=jdk.incubator.vector",
            "-cp",
            classpath(),
            NodeProcessProtocol.MAIN_CLASS,
            "--http-port",
            Integer.toString(httpPort),
            "--home",
            home.toString(),
            "--data",
            data.toString()));
    return command;
  }

  private static String javaExecutable() {
    int feature = Runtime.version().feature();
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (feature < MIN_JAVA) {
      throw new IllegalStateException(
          "Elasticsearch 9 needs Java "
              + MIN_JAVA
              + " or newer, but this JVM ("
              + java
              + ") is Java "
              + feature
              + ": set JAVA_HOME to a JDK 21+ (for example /usr/lib/jvm/temurin-25-jdk-amd64)");
    }
    return java;
  }

  /**
   * {@code -Xms512m -Xmx1g}, or both set to {@code flowlet.es.heap} / FLOWLET_ES_HEAP (e.g. 2g).
   */
  private static List<String> heapOptions() {
    String heap = System.getProperty(HEAP_PROPERTY, System.getenv(HEAP_ENV));
    if (heap == null || heap.isBlank()) {
      return List.of("-Xms512m", "-Xmx1g");
    }
    if (!heap.strip().matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException(
          HEAP_PROPERTY + " / " + HEAP_ENV + " must look like 768m or 2g, was '" + heap + "'");
    }
    return List.of("-Xms" + heap.strip(), "-Xmx" + heap.strip());
  }

  private static String classpath() {
    List<String> entries = new ArrayList<>(nodeDependencies());
    entries.add(nodeArtifact().toString());
    for (String entry : entries) {
      if (!Files.exists(Path.of(entry))) {
        throw new IllegalStateException(
            entry
                + " is on the Elasticsearch node's classpath but does not exist: rebuild it with"
                + " ./mvnw -pl test-support/elasticsearch-node install");
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static List<String> nodeDependencies() {
    String resource = NodeProcessProtocol.CLASSPATH_RESOURCE;
    try (InputStream in = NodeProcessProtocol.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " not found: is dev.flowlet:flowlet-elasticsearch-node on the classpath?");
      }
      String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return Arrays.stream(classpath.split(File.pathSeparator))
          .filter(entry -> !entry.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** The node module's jar (or classes folder inside the reactor), which holds the main class. */
  private static Path nodeArtifact() {
    try {
      return Path.of(
          NodeProcessProtocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the flowlet-elasticsearch-node artifact", e);
    }
  }
}
