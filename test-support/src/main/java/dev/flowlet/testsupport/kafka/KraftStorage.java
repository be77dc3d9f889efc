package dev.flowlet.testsupport.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, but only once: a log
 * directory that already holds a cluster keeps its cluster id, topics and offsets.
 */
final class KraftStorage {

  private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

  private KraftStorage() {}

  static boolean isFormatted(Path logDir) {
    return Files.isRegularFile(logDir.resolve("meta.properties"));
  }

  static void formatIfNeeded(KafkaConfig config, Path logDir) {
    if (isFormatted(logDir)) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      String clusterId = Uuid.randomUuid().toString();
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setNodeId(config.nodeId())
          .setClusterId(clusterId)
          .setControllerListenerName(BrokerConfig.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(config.metadataLogDir())
          .addDirectory(logDir.toAbsolutePath().toString())
          // Static voters (controller.quorum.voters), as with `format` without --standalone.
          .setHasDynamicQuorum(false)
          .run();
      LOG.info("Formatted Kafka log dir {} for new cluster {}", logDir, clusterId);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Kafka log dir " + logDir, e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot format Kafka log dir " + logDir + ": " + e.getMessage(), e);
    }
  }
}
