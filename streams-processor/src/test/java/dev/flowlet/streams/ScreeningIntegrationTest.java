package dev.flowlet.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.events.audit.AuditChain;
import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.kafka.TopicContents;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The streams processor against a real broker and Elasticsearch node. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.streams.state-dir=${java.io.tmpdir}/flowlet-streams-it-${random.uuid}",
      "flowlet.streams.audit.checkpoint-interval=1s"
    })
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
// Closed after this class, so that no other Streams app of the same id is left consuming the
// topics that ScreeningFailoverIntegrationTest drives.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScreeningIntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KafkaProducer<String, byte[]> producer;

  @Autowired private StreamsBuilderFactoryBean streams;
  @Autowired private io.micrometer.core.instrument.MeterRegistry meters;

  @BeforeAll
  static void openProducer() {
    Properties config = new Properties();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        FlowletInfrastructure.shared().kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(config);
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Test
  void decidesALargeTransferThroughTheBrokerAndIndexesItsAuditTrail() throws Exception {
    String transactionId = UUID.randomUUID().toString();
    send(transaction(transactionId, "15000.00"));

    RiskDecision decision =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> decisionFor(transactionId), found -> found != null);
    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.REVIEW);
    assertThat(decision.reasons())
        .extracting(RiskDecision.Reason::rule)
        .containsExactly("LARGE_AMOUNT");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(count("flowlet-audit-*", "resourceId", transactionId)).isEqualTo(1);
              assertThat(count("flowlet-decisions-*", "transactionId", transactionId)).isEqualTo(1);
              assertThat(count("flowlet-alerts-*", "transactionId", transactionId)).isEqualTo(1);
            });
    List<AuditEvent> chained =
        TopicContents.readCommitted(
            FlowletInfrastructure.shared().kafkaBootstrapServers(),
            Topics.AUDIT_CHAINED.name(),
            bytes -> Topics.AUDIT_CHAINED.valueSerde().deserializer().deserialize("t", bytes));
    AuditEvent audited =
        chained.stream()
            .filter(event -> transactionId.equals(event.resourceId()))
            .findFirst()
            .orElseThrow();
    assertThat(audited.sequence()).isPositive();
    assertThat(AuditChain.recomputedHash(audited)).isEqualTo(audited.hash());
    assertThat(count("flowlet-audit-*", "hash", audited.hash())).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TopicContents.readCommitted(
                            FlowletInfrastructure.shared().kafkaBootstrapServers(),
                            Topics.AUDIT_CHECKPOINTS.name(),
                            bytes ->
                                Topics.AUDIT_CHECKPOINTS
                                    .valueSerde()
                                    .deserializer()
                                    .deserialize("t", bytes)))
                    .anySatisfy(
                        checkpoint -> {
                          assertThat(checkpoint.chainId()).isEqualTo(audited.chainId());
                          assertThat(checkpoint.sequence())
                              .isGreaterThanOrEqualTo(audited.sequence());
                        }));
    assertThat(meters.get("flowlet.rule.hits").tag("rule", "LARGE_AMOUNT").counter().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.get("flowlet.decisions").tag("outcome", "REVIEW").counter().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.get("flowlet.sink.indexed").tag("index", "audit").counter().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.get("flowlet.rule.hits").tag("rule", "SANCTIONS_MATCH").counter())
        .as("every rule has a series from the start")
        .isNotNull();
  }

  @Test
  void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsScreening() throws Exception {
    String marker = "poison-" + UUID.randomUUID();
    producer.send(
        new ProducerRecord<>(
            Topics.TRANSACTIONS.name(), "acc-poison", marker.getBytes(StandardCharsets.UTF_8)));
    String healthy = UUID.randomUUID().toString();
    send(transaction(healthy, "12.00"));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(valuesOn(Topics.DLQ.name())).anyMatch(v -> v.contains(marker)));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        meters
                            .get("flowlet.dlq.records")
                            .tag("source", Topics.TRANSACTIONS.name())
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(1));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> decisionFor(healthy), found -> found != null);
  }

  @Test
  void usesARuleChangePublishedToTheRulesTopicForTheNextDecision() throws Exception {
    RuleDefinition defaults = RuleCatalog.entry(RuleCatalog.LARGE_AMOUNT).orElseThrow().defaults();
    RuleDefinition lowered =
        new RuleDefinition(
            RuleDefinition.SCHEMA_VERSION,
            RuleCatalog.LARGE_AMOUNT,
            2,
            true,
            defaults.score(),
            defaults.severity(),
            Map.of("threshold", "100.00"),
            "change-it",
            "alice",
            "bob",
            Instant.now());
    String before = UUID.randomUUID().toString();
    send(transaction(before, "150.00"));
    RiskDecision decidedBefore =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> decisionFor(before), found -> found != null);
    try {
      publish(
          RuleCatalog.LARGE_AMOUNT, Topics.RULES.valueSerde().serializer().serialize("t", lowered));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ruleDefinitions().get(RuleCatalog.LARGE_AMOUNT) != null);

      String after = UUID.randomUUID().toString();
      send(transaction(after, "150.00"));
      RiskDecision decidedAfter =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> decisionFor(after), found -> found != null);

      assertThat(decidedBefore.reasons()).isEmpty();
      assertThat(decidedBefore.ruleVersions()).containsEntry(RuleCatalog.LARGE_AMOUNT, 1L);
      assertThat(decidedAfter.reasons())
          .extracting(RiskDecision.Reason::rule)
          .containsExactly(RuleCatalog.LARGE_AMOUNT);
      assertThat(decidedAfter.ruleVersions()).containsEntry(RuleCatalog.LARGE_AMOUNT, 2L);
    } finally {
      publish(RuleCatalog.LARGE_AMOUNT, null);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ruleDefinitions().get(RuleCatalog.LARGE_AMOUNT) == null);
    }
  }

  private ReadOnlyKeyValueStore<String, byte[]> ruleDefinitions() {
    return streams
        .getKafkaStreams()
        .store(
            StoreQueryParameters.fromNameAndType(
                "rule-definitions", QueryableStoreTypes.<String, byte[]>keyValueStore()));
  }

  private static void publish(String rule, byte[] definition) throws Exception {
    producer.send(new ProducerRecord<>(Topics.RULES.name(), rule, definition)).get();
  }

  private static void send(TransactionRecorded transaction) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.TRANSACTIONS.name(),
                transaction.accountId(),
                Topics.TRANSACTIONS.valueSerde().serializer().serialize("t", transaction)))
        .get();
  }

  private static RiskDecision decisionFor(String transactionId) {
    return valuesOn(Topics.RISK_DECISIONS.name()).stream()
        .map(
            value ->
                Topics.RISK_DECISIONS
                    .valueSerde()
                    .deserializer()
                    .deserialize("t", value.getBytes(StandardCharsets.UTF_8)))
        .filter(decision -> decision.transactionId().equals(transactionId))
        .findFirst()
        .orElse(null);
  }

  private static List<String> valuesOn(String topic) {
    Properties config = new Properties();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        FlowletInfrastructure.shared().kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<String> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      consumer.subscribe(List.of(topic));
      for (int emptyPolls = 0; emptyPolls < 2; ) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          emptyPolls++;
        }
        records.forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
      }
    }
    return values;
  }

  private static long count(String index, String field, String value) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        FlowletInfrastructure.shared().elasticsearchUrl()
                            + "/"
                            + index
                            + "/_count?allow_no_indices=true"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"query\":{\"term\":{\"%s\":\"%s\"}}}".formatted(field, value)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String body = response.body();
    return Long.parseLong(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
  }

  private static TransactionRecorded transaction(String id, String amount) {
    Instant now = Instant.now();
    return new TransactionRecorded(
        TransactionRecorded.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        id,
        "acc-" + id,
        "cus-" + id,
        "TRANSFER",
        new BigDecimal(amount),
        "EUR",
        now.minusSeconds(5),
        now,
        new TransactionRecorded.Counterparty("Contoso GmbH", "DE"),
        new TransactionRecorded.Channel("DE", "device-1"));
  }
}
