package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.Topics;
import dev.flowlet.local.PipelineClient.Movement;
import dev.flowlet.testsupport.kafka.TopicContents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    Map<String, Integer> counts = new HashMap<>();
    TopicContents.readCommitted(
            pipeline.infrastructure().kafkaBootstrapServers(),
            Topics.RISK_DECISIONS.name(),
            value ->
                Topics.RISK_DECISIONS
                    .valueSerde()
                    .deserializer()
                    .deserialize(Topics.RISK_DECISIONS.name(), value))
        .stream()
        .map(RiskDecision::transactionId)
        .filter(ids::contains)
        .forEach(id -> counts.merge(id, 1, Integer::sum));
    return counts;
  }
}
