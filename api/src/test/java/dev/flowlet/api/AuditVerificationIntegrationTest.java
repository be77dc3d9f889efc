package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditChain;
import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.ChainHead;
import dev.flowlet.events.audit.CheckpointSignatures;
import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/compliance/audit/{eventId}/verification} against real Elasticsearch,
 * PostgreSQL and Kafka: a chain indexed as the sink indexes it, its checkpoint delivered on the
 * checkpoint topic as the streams processor sends it, then one document tampered with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class AuditVerificationIntegrationTest {

  private static final String DEMO_PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIM4Tq2xq4wAZinKioqLSJq5Psqdl0XL71PGMsF13f1ue";

  /** A month of its own, so that no other test's documents share the index. */
  private static final String INDEX = "flowlet-audit-1999.01";

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final ElasticsearchClient elasticsearch;

  AuditVerificationIntegrationTest(
      @LocalServerPort int port, JdbcClient jdbc, ElasticsearchClient elasticsearch)
      throws IOException {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.elasticsearch = elasticsearch;
    if (!elasticsearch.indices().exists(e -> e.index(INDEX)).value()) {
      elasticsearch
          .indices()
          .create(
              c ->
                  c.index(INDEX)
                      .aliases("flowlet-audit", a -> a)
                      .mappings(
                          m ->
                              m.withJson(
                                  new StringReader(
                                      """
                                      {"properties": {
                                        "eventId": {"type": "keyword"},
                                        "chainId": {"type": "keyword"},
                                        "sequence": {"type": "long"},
                                        "previousHash": {"type": "keyword"},
                                        "hash": {"type": "keyword"},
                                        "details": {"type": "flattened"}
                                      }}
                                      """))));
    }
  }

  @Test
  void findsAnEventIntactUpToItsCheckpointThenAlteredOnceItsDocumentWasChanged() throws Exception {
    String officer = api.token("demo-officer");
    String chain = "it-" + UUID.randomUUID();
    List<AuditEvent> events = chain(chain, 5);
    index(events);
    sendCheckpoint(events.get(3));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from audit_checkpoints where chain_id = ?")
                    .param(chain)
                    .query(Long.class)
                    .single(),
            count -> count == 1);
    AuditEvent second = events.get(1);

    ApiClient.Response intact = api.get(path(second), officer);

    assertThat(intact.status()).isEqualTo(200);
    JsonNode verdict = intact.json();
    assertThat(verdict.get("eventId").asString()).isEqualTo(second.eventId());
    assertThat(verdict.get("chainId").asString()).isEqualTo(chain);
    assertThat(verdict.get("sequence").asLong()).isEqualTo(2);
    assertThat(verdict.get("verdict").asString()).isEqualTo("INTACT");
    assertThat(verdict.get("hashValid").asBoolean()).isTrue();
    assertThat(verdict.get("linkedToPredecessor").asBoolean()).isTrue();
    assertThat(verdict.get("linkedToSuccessor").asBoolean()).isTrue();
    assertThat(verdict.get("checkpoint").get("sequence").asLong()).isEqualTo(4);
    assertThat(verdict.get("checkpoint").get("signatureValid").asBoolean()).isTrue();
    assertThat(api.get(path(events.get(4)), officer).json().get("verdict").asString())
        .as("after the last checkpoint")
        .isEqualTo("UNANCHORED");

    index(List.of(withActor(second, "someone-else")));
    ApiClient.Response altered = api.get(path(second), api.token("demo-auditor"));

    assertThat(altered.status()).isEqualTo(200);
    assertThat(altered.json().get("verdict").asString()).isEqualTo("ALTERED");
    assertThat(altered.json().get("hashValid").asBoolean()).isFalse();
    assertThat(api.get(path(events.get(2)), officer).json().get("verdict").asString())
        .as("its successor's segment still holds up to the checkpoint")
        .isEqualTo("INTACT");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_logs where action = 'audit.verified'"
                        + " and resource_id = ? and actor = 'demo-auditor'")
                .param(second.eventId())
                .query(Long.class)
                .single())
        .as("the verification itself is audited")
        .isEqualTo(1);
  }

  @Test
  void answersAnUnknownEventWithProblemNotFound() {
    ApiClient.Response response =
        api.get(
            "/api/v1/compliance/audit/" + UUID.randomUUID() + "/verification",
            api.token("demo-auditor"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void refusesAnOperator() {
    ApiClient.Response response =
        api.get(
            "/api/v1/compliance/audit/" + UUID.randomUUID() + "/verification",
            api.token("demo-operator"));

    assertThat(response.status()).isEqualTo(403);
  }

  private static String path(AuditEvent event) {
    return "/api/v1/compliance/audit/" + event.eventId() + "/verification";
  }

  private static List<AuditEvent> chain(String chainId, int size) {
    List<AuditEvent> chain = new ArrayList<>();
    ChainHead head = ChainHead.EMPTY;
    for (int n = 1; n <= size; n++) {
      AuditEvent event =
          AuditChain.link(
              new AuditEvent(
                  AuditEvent.SCHEMA_VERSION,
                  UUID.randomUUID().toString(),
                  chainId,
                  Instant.parse("1999-01-15T10:00:00Z").plusSeconds(n),
                  "demo-operator",
                  "OPERATOR",
                  "transaction.created",
                  "transaction",
                  UUID.randomUUID().toString(),
                  null,
                  "SUCCESS",
                  "10.0.0.1",
                  null,
                  Map.of("amount", "1.00")),
              head);
      chain.add(event);
      head = new ChainHead(event.sequence(), event.hash());
    }
    return chain;
  }

  private void index(List<AuditEvent> events) throws IOException {
    elasticsearch.bulk(
        bulk -> {
          for (AuditEvent event : events) {
            bulk.operations(
                operation ->
                    operation.index(
                        index ->
                            index
                                .index(INDEX)
                                .id(event.eventId())
                                .document(
                                    BinaryData.of(
                                        EventJson.mapper().writeValueAsBytes(event),
                                        ContentType.APPLICATION_JSON))));
          }
          return bulk.refresh(Refresh.True);
        });
  }

  private static void sendCheckpoint(AuditEvent head) throws Exception {
    AuditCheckpoint checkpoint =
        CheckpointSignatures.sign(
            head.chainId(),
            new ChainHead(head.sequence(), head.hash()),
            Instant.now(),
            "local-demo",
            CheckpointSignatures.privateKey(DEMO_PRIVATE_KEY));
    Properties config = new Properties();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        FlowletInfrastructure.shared().kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.AUDIT_CHECKPOINTS.name(),
                  checkpoint.chainId(),
                  Topics.AUDIT_CHECKPOINTS
                      .valueSerde()
                      .serializer()
                      .serialize(Topics.AUDIT_CHECKPOINTS.name(), checkpoint)))
          .get();
    }
  }

  /** The event with its actor rewritten in its stored JSON, hash untouched: a tampered copy. */
  private static AuditEvent withActor(AuditEvent e, String actor) {
    var json = (ObjectNode) EventJson.mapper().valueToTree(e);
    json.put("actor", actor);
    return EventJson.mapper().treeToValue(json, AuditEvent.class);
  }
}
