package dev.flowlet.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flowlet.testsupport.network.TcpProxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path logDir;

  @Test
  void deliversAProducedRecordToAConsumer() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(logDir, 0)) {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
      try (var producer = producer(broker, Map.of())) {
        producer.send(new ProducerRecord<>("flowlet.greetings.v1", "k1", "hello")).get();
      }

      assertThat(readAll(broker, "flowlet.greetings.v1", "read_uncommitted"))
          .extracting(ConsumerRecord::value)
          .containsExactly("hello");
    }
  }

  @Test
  void createsTopicsWithThreePartitionsByDefault() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(logDir, 0);
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(
              Set.of(new NewTopic("flowlet.defaults.v1", Optional.empty(), Optional.empty())))
          .all()
          .get();

      // The broker's metadata cache learns of a new topic a moment after the controller created it.
      var description =
          await()
              .atMost(PATIENCE)
              .ignoreExceptions()
              .until(
                  () -> admin.describeTopics(Set.of("flowlet.defaults.v1")).allTopicNames().get(),
                  topics -> topics.containsKey("flowlet.defaults.v1"));
      assertThat(description.get("flowlet.defaults.v1").partitions()).hasSize(3);
    }
  }

  @Test
  void showsCommittedTransactionsToReadCommittedConsumersAndHidesAbortedOnes() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(logDir, 0)) {
      try (var producer =
          producer(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "flowlet-eos-check"))) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("flowlet.payments.v1", "a", "aborted"));
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("flowlet.payments.v1", "a", "committed"));
        producer.commitTransaction();
      }

      assertThat(readAll(broker, "flowlet.payments.v1", "read_committed"))
          .extracting(ConsumerRecord::value)
          .containsExactly("committed");
    }
  }

  @Test
  void keepsRecordsAndCommittedOffsetsAcrossARestartOnTheSameLogDir() throws Exception {
    String topic = "flowlet.restarts.v1";
    try (KafkaBroker broker = KafkaBroker.start(logDir, 0)) {
      try (var producer = producer(broker, Map.of())) {
        producer.send(new ProducerRecord<>(topic, "k", "before-1")).get();
        producer.send(new ProducerRecord<>(topic, "k", "before-2")).get();
      }
      assertThat(consumeAsGroup(broker, topic, 2)).containsExactly("before-1", "before-2");
      try (var producer = producer(broker, Map.of())) {
        producer.send(new ProducerRecord<>(topic, "k", "after-commit")).get();
      }
    }

    try (KafkaBroker restarted = KafkaBroker.start(logDir, 0)) {
      assertThat(readAll(restarted, topic, "read_uncommitted"))
          .extracting(ConsumerRecord::value)
          .containsExactly("before-1", "before-2", "after-commit");
      assertThat(consumeAsGroup(restarted, topic, 1)).containsExactly("after-commit");
    }
  }

  @Test
  void listensOnTheFixedPortItIsGiven() throws Exception {
    int port = freePort();

    try (KafkaBroker broker = KafkaBroker.start(logDir, port)) {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      try (var producer = producer(broker, Map.of())) {
        producer.send(new ProducerRecord<>("flowlet.fixed.v1", "k", "v")).get();
      }
    }
  }

  @Test
  void refusesAFixedPortThatIsTakenWithAOneLineMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> KafkaBroker.start(logDir, port))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Kafka cannot listen on 127.0.0.1:"
                  + port
                  + ": the port is already in use (another broker still running?)");
    }
  }

  @Test
  void keepsClientsThatBootstrapThroughAProxyBehindItSoCuttingItCutsThemOff() throws Exception {
    try (TcpProxy proxy = TcpProxy.start(freePort())) {
      // The proxy was told a free port; the broker binds the proxied listener on it.
      var listener = new KafkaBroker.ProxiedListener(proxy.targetPort(), proxy.port());
      try (KafkaBroker broker = KafkaBroker.start(logDir, 0, listener);
          Admin admin = Admin.create(Map.of("bootstrap.servers", listener.bootstrapServers()));
          var producer =
              producer(
                  listener.bootstrapServers(),
                  Map.of(
                      ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000,
                      ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                      ProducerConfig.MAX_BLOCK_MS_CONFIG, 4000))) {
        assertThat(admin.describeCluster().nodes().get())
            .extracting(node -> node.port())
            .containsExactly(proxy.port());
        producer.send(new ProducerRecord<>("flowlet.proxied.v1", "k", "through")).get();

        proxy.cut();
        assertThatThrownBy(
                () -> producer.send(new ProducerRecord<>("flowlet.proxied.v1", "k", "cut")).get())
            .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

        proxy.heal();
        await()
            .atMost(PATIENCE)
            .ignoreExceptions()
            .until(
                () ->
                    producer.send(new ProducerRecord<>("flowlet.proxied.v1", "k", "healed")).get()
                        != null);
        // The broker's own listener was never behind the proxy.
        assertThat(readAll(broker, "flowlet.proxied.v1", "read_uncommitted"))
            .extracting(ConsumerRecord::value)
            .contains("through", "healed")
            .doesNotContain("cut");
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static KafkaProducer<String, String> producer(
      KafkaBroker broker, Map<String, Object> extra) {
    return producer(broker.bootstrapServers(), extra);
  }

  private static KafkaProducer<String, String> producer(
      String bootstrapServers, Map<String, Object> extra) {
    var props = new HashMap<String, Object>(extra);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(props);
  }

  private static KafkaConsumer<String, String> consumer(
      KafkaBroker broker, Map<String, Object> extra) {
    var props = new HashMap<String, Object>(extra);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props);
  }

  /** Reads every partition from the beginning without a group, so nothing is committed. */
  private static List<ConsumerRecord<String, String>> readAll(
      KafkaBroker broker, String topic, String isolationLevel) {
    try (var consumer =
        consumer(broker, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, PATIENCE).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
              });
      return records;
    }
  }

  /** Consumes as group "flowlet-restart-check" and commits what it read. */
  private static List<String> consumeAsGroup(KafkaBroker broker, String topic, int expected) {
    try (var consumer =
        consumer(broker, Map.of(ConsumerConfig.GROUP_ID_CONFIG, "flowlet-restart-check"))) {
      consumer.subscribe(List.of(topic));
      List<String> values = new ArrayList<>();
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= expected;
              });
      consumer.commitSync();
      return values;
    }
  }
}
