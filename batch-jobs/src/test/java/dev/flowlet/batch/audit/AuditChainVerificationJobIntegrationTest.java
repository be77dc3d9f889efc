package dev.flowlet.batch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.TopicReaders;
import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditLogRows;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code auditChainVerificationJob} against real Elasticsearch, PostgreSQL and Kafka: chains
 * indexed as the sink indexes them, then tampered with in Elasticsearch directly.
 */
@BatchJobsTest
class AuditChainVerificationJobIntegrationTest {

  private final JobsClient jobs;
  private final JdbcClient jdbc;
  private final AuditIndexFixture audit;
  private final String auditor = Tokens.of("AUDITOR");

  AuditChainVerificationJobIntegrationTest(
      @LocalServerPort int port, JdbcClient jdbc, ElasticsearchClient elasticsearch)
      throws IOException {
    this.jobs = new JobsClient(port);
    this.jdbc = jdbc;
    this.audit = new AuditIndexFixture(elasticsearch, jdbc);
  }

  @Test
  void reportsAnIntactChainThenTheSequenceOfADocumentAlteredInElasticsearch() throws IOException {
    String chain = "it-" + UUID.randomUUID();
    List<AuditEvent> events = audit.chain(chain, 30);
    audit.checkpoint(events.get(9));
    audit.checkpoint(events.get(19));

    JsonNode intact = verify(chain);

    assertThat(intact.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(intact.get("exitStatus").asString()).isEqualTo("COMPLETED");
    JsonNode report = intact.get("report");
    assertThat(report.get("verdict").asString()).isEqualTo("INTACT");
    JsonNode verified = report.get("chains").get(0);
    assertThat(verified.get("chainId").asString()).isEqualTo(chain);
    assertThat(verified.get("eventsVerified").asLong()).isEqualTo(30);
    assertThat(verified.get("checkpointsVerified").asLong()).isEqualTo(2);
    assertThat(verified.get("firstBreak").isNull()).isTrue();
    double breaksBefore = metric("flowlet_audit_chain_breaks_total");
    double verifiedAt = metric("flowlet_audit_chain_last_verified_timestamp_seconds");
    assertThat(verifiedAt).isPositive();

    AuditEvent fifteenth = events.get(14);
    audit.index(List.of(withActor(fifteenth, "someone-else")));
    JsonNode altered = verify(chain);

    assertThat(altered.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(altered.get("exitStatus").asString()).isEqualTo("BROKEN");
    JsonNode broke = altered.get("report").get("chains").get(0).get("firstBreak");
    assertThat(broke.get("kind").asString()).isEqualTo("ALTERED");
    assertThat(broke.get("sequence").asLong()).isEqualTo(15);
    assertThat(broke.get("eventId").asString()).isEqualTo(fifteenth.eventId());
    assertThat(altered.get("report").get("chains").get(0).get("eventsVerified").asLong())
        .isEqualTo(14);
    assertThat(metric("flowlet_audit_chain_breaks_total")).isEqualTo(breaksBefore + 1);
    assertThat(metric("flowlet_audit_chain_last_verified_timestamp_seconds"))
        .isGreaterThanOrEqualTo(verifiedAt);
    assertThat(TopicReaders.readAll(Topics.ALERTS))
        .anySatisfy(
            alert -> {
              assertThat(alert.alertId()).isEqualTo("audit-chain-" + chain + "-ALTERED-15");
              assertThat(alert.rule()).isEqualTo("audit.chain.ALTERED");
              assertThat(alert.severity()).isEqualTo(Alert.Severity.CRITICAL);
            });
  }

  @Test
  void reportsADocumentDeletedFromElasticsearchAsMissing() throws IOException {
    String chain = "it-" + UUID.randomUUID();
    List<AuditEvent> events = audit.chain(chain, 12);
    audit.delete(events.get(6));

    JsonNode broke = verify(chain).get("report").get("chains").get(0).get("firstBreak");

    assertThat(broke.get("kind").asString()).isEqualTo("MISSING");
    assertThat(broke.get("sequence").asLong()).isEqualTo(7);
    assertThat(broke.get("eventId").asString()).isEqualTo(events.get(7).eventId());
  }

  @Test
  void reportsTheTruncatedTailOfAChainBehindItsLastCheckpoint() throws IOException {
    String chain = "it-" + UUID.randomUUID();
    List<AuditEvent> events = audit.chain(chain, 10);
    audit.checkpoint(events.get(9));
    audit.delete(events.get(9));
    audit.delete(events.get(8));

    JsonNode broke = verify(chain).get("report").get("chains").get(0).get("firstBreak");

    assertThat(broke.get("kind").asString()).isEqualTo("MISSING");
    assertThat(broke.get("sequence").asLong()).isEqualTo(9);
  }

  @Test
  void auditsEachRunWithWhoLaunchedItInTheBatchChainThroughTheOutbox() {
    long executionId = jobs.started(auditor, "auditChainVerificationJob", Map.of("chain", "none"));
    jobs.finished(auditor, executionId);

    List<Map<String, Object>> rows =
        jdbc.sql(
                """
                select actor, role, action, outcome, details->>'job' as job from audit_logs
                where chain_id = 'batch' and resource_id = ? order by occurred_at
                """)
            .param(String.valueOf(executionId))
            .query()
            .listOfRows();
    assertThat(rows)
        .extracting(row -> row.get("action"))
        .containsExactly("job.started", "job.completed");
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("actor")).isEqualTo("test-auditor");
              assertThat(row.get("role")).isEqualTo("AUDITOR");
              assertThat(row.get("outcome")).isEqualTo("SUCCESS");
              assertThat(row.get("job")).isEqualTo("auditChainVerificationJob");
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox where topic = 'flowlet.audit.v1'"
                        + " and message_key = 'batch' and payload like ?")
                .param("%\"resourceId\":\"" + executionId + "\"%")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void crossChecksTheApiChainWithTheAuditLogRowsTheApiWrote() throws IOException {
    List<AuditEvent> events = audit.chain("api", 5);
    events.forEach(this::insertRow);

    JsonNode intact = verify("api").get("report");

    assertThat(intact.get("verdict").asString()).isEqualTo("INTACT");
    assertThat(intact.get("databaseCrossCheck").get("documentsCompared").asLong()).isEqualTo(5);
    assertThat(intact.get("databaseCrossCheck").get("mismatches").asLong()).isZero();

    jdbc.sql("update audit_logs set actor = 'someone-else' where id = ?")
        .param(UUID.fromString(events.get(2).eventId()))
        .update();
    JsonNode changed = verify("api");

    assertThat(changed.get("exitStatus").asString()).isEqualTo("BROKEN");
    JsonNode crossCheck = changed.get("report").get("databaseCrossCheck");
    assertThat(crossCheck.get("mismatches").asLong()).isEqualTo(1);
    assertThat(crossCheck.get("firstProblem").get("eventId").asString())
        .isEqualTo(events.get(2).eventId());
    assertThat(crossCheck.get("firstProblem").get("problem").asString()).endsWith("in actor");
    assertThat(changed.get("report").get("chains").get(0).get("firstBreak").isNull())
        .as("the chain itself still holds: only the database tells")
        .isTrue();
  }

  @Test
  void refusesAnOperator() {
    assertThat(
            jobs.post(Tokens.of("OPERATOR"), "/api/v1/jobs/auditChainVerificationJob", "{}")
                .status())
        .isEqualTo(403);
  }

  private void insertRow(AuditEvent event) {
    jdbc.sql(AuditLogRows.INSERT).params(AuditLogRows.parameters(event)).update();
  }

  private JsonNode verify(String chain) {
    long executionId = jobs.started(auditor, "auditChainVerificationJob", Map.of("chain", chain));
    return jobs.finished(auditor, executionId);
  }

  private double metric(String name) {
    return jobs.get(null, "/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  /** The event with its actor rewritten in its stored JSON, hash untouched: a tampered copy. */
  private static AuditEvent withActor(AuditEvent e, String actor) {
    var json = (ObjectNode) EventJson.mapper().valueToTree(e);
    json.put("actor", actor);
    return EventJson.mapper().treeToValue(json, AuditEvent.class);
  }
}
