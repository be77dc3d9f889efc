package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.Topics;
import dev.flowlet.local.PipelineClient.Movement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The streams processor killed with SIGKILL in the middle of a stream of transactions and started
 * again: every transaction accepted before, during and after gets exactly one committed decision.
 */
class StreamsProcessorCrashIT {

  private static final int TRANSACTIONS = 150;

  @Test
  void aKilledProcessorLosesAndDuplicatesNoDecision() throws Exception {
    RunningPipeline pipeline = RunningPipeline.shared();
    PipelineClient client = new PipelineClient(pipeline);
    String operator = client.token("demo-operator");
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      accounts.add(client.openEuroAccount(operator, "Crash Test " + i, "crash@example.com", "DE"));
    }
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Thread traffic =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < TRANSACTIONS; i++) {
                    accepted.add(
                        client.record(
                            operator,
                            Movement.deposit(accounts.get(i % accounts.size()), (10 + i) + ".00")));
                  }
                });
    await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= TRANSACTIONS / 3);

    Duration restart = pipeline.killAndRestart(FlowletApp.STREAMS_PROCESSOR);
    traffic.join();
    long restartedAt = System.nanoTime();

    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> decisionsFor(pipeline, accepted).keySet().containsAll(accepted));
    System.out.printf(
        "Streams processor killed mid-stream: healthy again after %d ms, all %d decisions %d ms"
            + " after the restart%n",
        restart.toMillis(), accepted.size(), (System.nanoTime() - restartedAt) / 1_000_000);
    Map<String, Integer> decisions = decisionsFor(pipeline, accepted);
    assertThat(accepted).hasSize(TRANSACTIONS);
    assertThat(decisions).hasSize(TRANSACTIONS);
    assertThat(decisions.values()).as("decisions per transaction").containsOnly(1);
  }

  /** Committed decisions on the topic for these transactions, counted per transaction. */
  private static Map<String, Integer> decisionsFor(RunningPipeline pipeline, Set<String> ids) {
    Properties config = new Properties();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.infrastructure().kafkaBootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Integer> counts = new HashMap<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      List<TopicPartition> partitions =
          IntStream.range(0, Topics.PARTITIONS)
              .mapToObj(p -> new TopicPartition(Topics.RISK_DECISIONS.name(), p))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          RiskDecision decision =
              Topics.RISK_DECISIONS
                  .valueSerde()
                  .deserializer()
                  .deserialize(record.topic(), record.value());
          if (ids.contains(decision.transactionId())) {
            counts.merge(decision.transactionId(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }
}
