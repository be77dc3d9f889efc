package dev.flowlet.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.streams.screening.Screening;
import dev.flowlet.streams.screening.TransactionScreeningTopology;
import dev.flowlet.testsupport.FlowletInfrastructure;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the screening app share the partitions of a real broker with exactly-once
 * processing; one is closed in the middle of the stream and the other takes over its partitions.
 * Every transaction must end up with exactly one committed decision.
 */
class ScreeningFailoverIntegrationTest {

  private static final int TRANSACTIONS = 1200;
  private static final int BEFORE_CLOSE = 400;

  @TempDir Path stateDirs;

  private final String bootstrap = FlowletInfrastructure.shared().kafkaBootstrapServers();
  private final String applicationId = "flowlet-screening-failover-" + UUID.randomUUID();
  private final List<KafkaStreams> instances = new ArrayList<>();

  @AfterEach
  void closeInstances() {
    instances.forEach(instance -> instance.close(Duration.ofSeconds(30)));
  }

  @Test
  void decidesEveryTransactionExactlyOnceWhileOneOfTwoInstancesLeaves() throws Exception {
    createTopics();
    KafkaStreams first = start("first");
    KafkaStreams second = start("second");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                first.state() == KafkaStreams.State.RUNNING
                    && second.state() == KafkaStreams.State.RUNNING
                    && activeTasks(first) > 0
                    && activeTasks(second) > 0);
    List<TransactionRecorded> traffic = traffic();
    Set<String> ids = new HashSet<>();
    traffic.forEach(transaction -> ids.add(transaction.transactionId()));

    try (KafkaProducer<String, byte[]> producer = producer();
        KafkaConsumer<String, byte[]> decisions = committedDecisions()) {
      Map<String, Integer> decided = new HashMap<>();
      produce(producer, traffic.subList(0, BEFORE_CLOSE));
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> countOurs(decisions, ids, decided) >= BEFORE_CLOSE / 2);

      first.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
      produce(producer, traffic.subList(BEFORE_CLOSE, TRANSACTIONS));

      await()
          .atMost(Duration.ofSeconds(180))
          .until(() -> countOurs(decisions, ids, decided) >= TRANSACTIONS);
      // Anything decided twice would show up shortly after the last first decision.
      for (int i = 0; i < 6; i++) {
        countOurs(decisions, ids, decided);
      }

      assertThat(decided).hasSize(TRANSACTIONS);
      assertThat(decided).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
      assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(activeTasks(second))
          .as("tasks of both source partitions and repartition")
          .isEqualTo(6);
    }
  }

  private static int activeTasks(KafkaStreams instance) {
    return instance.metadataForLocalThreads().stream()
        .mapToInt(thread -> thread.activeTasks().size())
        .sum();
  }

  private KafkaStreams start(String name) throws Exception {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    config.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Files.createDirectories(stateDirs.resolve(name)).toString());
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    KafkaStreams streams =
        new KafkaStreams(
            TransactionScreeningTopology.build(Screening.withDefaultSettings(Clock.systemUTC())),
            config);
    instances.add(streams);
    streams.start();
    return streams;
  }

  /** Ordinary card payments and transfers of 300 accounts of 150 customers, some between them. */
  private static List<TransactionRecorded> traffic() {
    Random random = new Random(5);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant start = Instant.now().minus(Duration.ofDays(1));
    List<TransactionRecorded> traffic = new ArrayList<>();
    for (int i = 0; i < TRANSACTIONS; i++) {
      int account = random.nextInt(300);
      int credited = random.nextInt(300);
      boolean internal = random.nextInt(4) == 0;
      traffic.add(
          new TransactionRecorded(
              TransactionRecorded.SCHEMA_VERSION,
              UUID.randomUUID().toString(),
              run + "-tx-" + i,
              run + "-acc-" + account,
              run + "-cus-" + account / 2,
              internal ? "TRANSFER" : "CARD_PAYMENT",
              new BigDecimal(5 + random.nextInt(100) + ".00"),
              "EUR",
              start.plus(Duration.ofMinutes(i)),
              Instant.now(),
              new TransactionRecorded.Counterparty(
                  "Northwind Traders",
                  "NL",
                  internal ? run + "-acc-" + credited : null,
                  internal ? run + "-cus-" + credited / 2 : null),
              new TransactionRecorded.Channel("NL", "device-" + account)));
    }
    return traffic;
  }

  private static void produce(
      KafkaProducer<String, byte[]> producer, List<TransactionRecorded> batch)
      throws ExecutionException, InterruptedException {
    for (TransactionRecorded transaction : batch) {
      producer.send(
          new ProducerRecord<>(
              Topics.TRANSACTIONS.name(),
              transaction.accountId(),
              Topics.TRANSACTIONS.valueSerde().serializer().serialize("t", transaction)));
    }
    producer.flush();
  }

  private static int countOurs(
      KafkaConsumer<String, byte[]> consumer, Set<String> ids, Map<String, Integer> decided) {
    for (var record : consumer.poll(Duration.ofMillis(500))) {
      RiskDecision decision =
          Topics.RISK_DECISIONS.valueSerde().deserializer().deserialize("t", record.value());
      if (ids.contains(decision.transactionId())) {
        decided.merge(decision.transactionId(), 1, Integer::sum);
      }
    }
    return decided.size();
  }

  private void createTopics() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      for (var topic : Topics.newTopics((short) 1)) {
        try {
          admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  private KafkaConsumer<String, byte[]> committedDecisions() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "failover-check-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(Topics.RISK_DECISIONS.name()));
    return consumer;
  }
}
