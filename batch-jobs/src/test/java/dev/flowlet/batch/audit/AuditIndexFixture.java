package dev.flowlet.batch.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.flowlet.elastic.ElasticAssets;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.audit.AuditChain;
import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.ChainHead;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chains as the streams processor chains and the sink indexes them (same code, same index names and
 * document ids), and checkpoints as the API stores them, signed with the local demo key.
 */
final class AuditIndexFixture {

  static final String DEMO_PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIM4Tq2xq4wAZinKioqLSJq5Psqdl0XL71PGMsF13f1ue";
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private final ElasticsearchClient elasticsearch;
  private final JdbcClient jdbc;

  AuditIndexFixture(ElasticsearchClient elasticsearch, JdbcClient jdbc) throws IOException {
    this.elasticsearch = elasticsearch;
    this.jdbc = jdbc;
    ElasticAssets.defaults().install(elasticsearch);
  }

  /** {@code size} events of a new chain, linked, indexed and refreshed. */
  List<AuditEvent> chain(String chainId, int size) throws IOException {
    List<AuditEvent> chain = new ArrayList<>();
    ChainHead head = ChainHead.EMPTY;
    Instant start = Instant.parse("2026-11-26T06:00:00.123456Z");
    for (int n = 1; n <= size; n++) {
      AuditEvent event =
          AuditChain.link(
              new AuditEvent(
                  AuditEvent.SCHEMA_VERSION,
                  UUID.randomUUID().toString(),
                  chainId,
                  start.plusMillis(n),
                  "demo-operator",
                  "OPERATOR",
                  "transaction.created",
                  "transaction",
                  UUID.randomUUID().toString(),
                  "customer-" + (n % 7),
                  "SUCCESS",
                  "10.0.0." + (n % 250),
                  "request-" + n,
                  Map.of("amount", n + ".00", "currency", "EUR")),
              head);
      chain.add(event);
      head = new ChainHead(event.sequence(), event.hash());
    }
    index(chain);
    return chain;
  }

  /** Indexes (or re-indexes, overwriting by id) documents, then refreshes. */
  void index(List<AuditEvent> events) throws IOException {
    for (int from = 0; from < events.size(); from += 5000) {
      List<AuditEvent> batch = events.subList(from, Math.min(events.size(), from + 5000));
      elasticsearch.bulk(
          bulk -> {
            for (AuditEvent event : batch) {
              bulk.operations(
                  operation ->
                      operation.index(
                          index ->
                              index
                                  .index(indexOf(event))
                                  .id(event.eventId())
                                  .document(
                                      BinaryData.of(
                                          EventJson.mapper().writeValueAsBytes(event),
                                          ContentType.APPLICATION_JSON))));
            }
            return bulk.refresh(Refresh.True);
          });
    }
  }

  void delete(AuditEvent event) throws IOException {
    elasticsearch.delete(d -> d.index(indexOf(event)).id(event.eventId()).refresh(Refresh.True));
  }

  /** Stores a checkpoint of {@code event} signed with the demo key, as the API does. */
  void checkpoint(AuditEvent event) {
    AuditCheckpoint checkpoint =
        CheckpointSignatures.sign(
            event.chainId(),
            new ChainHead(event.sequence(), event.hash()),
            Instant.parse("2026-11-26T06:00:00Z"),
            "local-demo",
            CheckpointSignatures.privateKey(DEMO_PRIVATE_KEY));
    jdbc.sql(
            """
            insert into audit_checkpoints (chain_id, sequence, head_hash, created_at, key_id,
                signature) values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            checkpoint.chainId(),
            checkpoint.sequence(),
            checkpoint.headHash(),
            Timestamp.from(checkpoint.createdAt()),
            checkpoint.keyId(),
            checkpoint.signature())
        .update();
  }

  private static String indexOf(AuditEvent event) {
    return "flowlet-audit-" + MONTH.format(event.occurredAt());
  }
}
