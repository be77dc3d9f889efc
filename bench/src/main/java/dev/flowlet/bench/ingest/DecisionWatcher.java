package dev.flowlet.bench.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Measures how long after the API accepted a transaction its risk decision is committed on {@code
 * flowlet.risk-decisions.v1} (read_committed, keyed by transaction id): the time a downstream
 * consumer, such as the API's own projection, can first see it.
 */
final class DecisionWatcher implements AutoCloseable {

  private static final String TOPIC = "flowlet.risk-decisions.v1";

  private final Map<String, Long> accepted = new ConcurrentHashMap<>();
  private final Histogram latencies = new Histogram(3);
  private final Thread thread;
  private volatile boolean running = true;
  private long decided;
  private long early;

  DecisionWatcher(String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "bench-decisions-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
            10);
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
    while (consumer.assignment().isEmpty()) {
      consumer.poll(Duration.ofMillis(100));
    }
    consumer.seekToEnd(consumer.assignment());
    consumer.assignment().forEach(consumer::position);
    thread =
        Thread.ofPlatform()
            .name("decision-watcher")
            .start(
                () -> {
                  try (consumer) {
                    while (running) {
                      for (var record : consumer.poll(Duration.ofMillis(50))) {
                        seen(record.key(), System.nanoTime());
                      }
                    }
                  }
                });
  }

  void accepted(String transactionId, long nanos) {
    Long decidedAt = accepted.putIfAbsent(transactionId, nanos);
    if (decidedAt != null && decidedAt < 0) {
      record(-decidedAt - nanos);
    }
  }

  private void seen(String transactionId, long nanos) {
    Long acceptedAt = accepted.putIfAbsent(transactionId, -nanos);
    if (acceptedAt != null && acceptedAt > 0) {
      record(nanos - acceptedAt);
    } else if (acceptedAt == null) {
      synchronized (this) {
        early++;
      }
    }
  }

  private synchronized void record(long nanos) {
    decided++;
    latencies.recordValue(Math.max(1, nanos / 1_000));
  }

  /** Waits until every accepted transaction has its decision, or {@code patience} passed. */
  Result awaitAll(long acceptedCount, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (decided >= acceptedCount) {
          break;
        }
      }
      Thread.sleep(100);
    }
    synchronized (this) {
      return new Result(
          acceptedCount,
          decided,
          latencies.getValueAtPercentile(50) / 1000.0,
          latencies.getValueAtPercentile(99) / 1000.0,
          latencies.getValueAtPercentile(99.9) / 1000.0,
          latencies.getMaxValue() / 1000.0);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
  }

  /**
   * @param accepted transactions the API accepted during the run
   * @param decided of those, how many had a committed decision by the end
   */
  record Result(
      long accepted,
      long decided,
      double p50Millis,
      double p99Millis,
      double p999Millis,
      double maxMillis) {}
}
