package dev.flowlet.testsupport.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The folder a node runs in: {@code home/}, {@code data/} and {@code elasticsearch.log}. */
record NodeWorkDir(Path root, Path home, Path data, Path log) {

  static NodeWorkDir prepare(Path root) {
    NodeWorkDir dir =
        new NodeWorkDir(
            root, root.resolve("home"), root.resolve("data"), root.resolve("elasticsearch.log"));
    try {
      Files.createDirectories(dir.home());
      Files.createDirectories(dir.data());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the Elasticsearch work folder " + root, e);
    }
    return dir;
  }

  /** Starts the node's JVM with its output appended to the log and its stdin left a pipe. */
  Process launch(int httpPort, String httpUrl) {
    try {
      Files.writeString(
          log,
          "---- " + Instant.now() + " starting Elasticsearch on " + httpUrl + " ----\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return new ProcessBuilder(NodeJvmCommand.forNode(httpPort, home, data))
          .directory(root.toFile())
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the Elasticsearch node's JVM", e);
    }
  }
}
