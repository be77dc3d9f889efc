package dev.flowlet.bench.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Runs one topology over the pre-loaded topic with the streams-processor's own Kafka Streams
 * settings (its {@code application.yml}: exactly_once_v2, commit interval, threads, batch size) and
 * times it until a read_committed consumer has seen {@code expected} records on the output topic.
 */
final class TopologyRun {

  private TopologyRun() {}

  /**
   * @return the result, timed from the moment the app was running (assignment and state set up)
   */
  static Result run(
      String name,
      Topology topology,
      String bootstrap,
      Path stateDir,
      String outputTopic,
      long expected)
      throws Exception {
    Properties config = AppStreamsProperties.load();
    config.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        "bench-" + name.replaceAll("[^A-Za-z0-9]+", "-") + UUID.randomUUID());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // -Dstreams.<property>=<value> tries another setting without editing the app.
    System.getProperties().stringPropertyNames().stream()
        .filter(key -> key.startsWith("streams."))
        .forEach(key -> config.put(key.substring(8), System.getProperty(key)));

    CountDownLatch running = new CountDownLatch(1);
    KafkaStreams streams = new KafkaStreams(topology, config);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    ThreadCpu threads = ThreadCpu.snapshot();
    long cpuBefore = cpuNanos();
    long startedAt = System.nanoTime();
    streams.start();
    try (KafkaConsumer<byte[], byte[]> output = committedReader(bootstrap, outputTopic)) {
      if (!running.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(name + " did not start");
      }
      long runningAt = System.nanoTime();
      long seen = 0;
      long deadline = runningAt + TimeUnit.MINUTES.toNanos(30);
      while (seen < expected) {
        seen += output.poll(Duration.ofMillis(200)).count();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(name + " saw only " + seen + " of " + expected);
        }
      }
      long doneAt = System.nanoTime();
      return new Result(
          name,
          expected,
          Duration.ofNanos(doneAt - runningAt),
          Duration.ofNanos(doneAt - startedAt),
          Duration.ofNanos(cpuNanos() - cpuBefore),
          threads.since());
    } finally {
      streams.close(Duration.ofSeconds(60));
      streams.cleanUp();
    }
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** CPU time of this whole process (broker, streams app, clients). */
  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /**
   * @param name which topology
   * @param records records processed
   * @param running from the app running to the last output committed
   * @param total from start() to the last output committed
   * @param cpu CPU time of the process meanwhile
   */
  record Result(
      String name,
      long records,
      Duration running,
      Duration total,
      Duration cpu,
      Map<String, Double> cpuByThreads) {}
}
