package dev.flowlet.batch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Tokens;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Events verified per second by {@code auditChainVerificationJob} on one chain of {@code
 * flowlet.bench.audit-events} events (default 100,000) with a checkpoint every 1000, against a
 * baseline measured in the same run: a plain scroll over the same documents, parsing each reply.
 * Not part of the suite (the name does not end in Test); run it with {@code ./mvnw -B -o -pl
 * batch-jobs -am verify -Dtest=AuditChainVerificationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@BatchJobsTest
class AuditChainVerificationBenchmark {

  private final JobsClient jobs;
  private final AuditIndexFixture audit;
  private final Rest5Client client;
  private final String auditor = Tokens.of("AUDITOR");

  AuditChainVerificationBenchmark(
      @LocalServerPort int port, JdbcClient jdbc, ElasticsearchClient elasticsearch)
      throws IOException {
    this.jobs = new JobsClient(port);
    this.audit = new AuditIndexFixture(elasticsearch, jdbc);
    this.client = ((Rest5ClientTransport) elasticsearch._transport()).restClient();
  }

  @Test
  void verifiesAHundredThousandEvents() throws IOException {
    int size = Integer.getInteger("flowlet.bench.audit-events", 100_000);
    String chain = "bench-" + UUID.randomUUID();
    long indexing = System.nanoTime();
    List<AuditEvent> events = audit.chain(chain, size);
    for (int n = 999; n < size; n += 1000) {
      audit.checkpoint(events.get(n));
    }
    double indexSeconds = (System.nanoTime() - indexing) / 1e9;

    for (int round = 1; round <= 2; round++) {
      long scrolled = System.nanoTime();
      long documents = scroll(chain);
      double scrollSeconds = (System.nanoTime() - scrolled) / 1e9;
      long started = System.nanoTime();
      long executionId = jobs.started(auditor, "auditChainVerificationJob", Map.of("chain", chain));
      JsonNode execution = jobs.finished(auditor, executionId);
      double jobSeconds = (System.nanoTime() - started) / 1e9;
      JsonNode report = execution.get("report");
      assertThat(documents).isEqualTo(size);
      assertThat(report.get("verdict").asString()).isEqualTo("INTACT");
      assertThat(report.get("checkpointsVerified").asLong()).isEqualTo(size / 1000);
      System.out.printf(
          "BENCH audit-chain round %d: %d events (indexed in %.1f s); baseline scroll %.2f s ="
              + " %.0f docs/s; verification step %.2f s = %.0f events/s; job end to end %.2f s%n",
          round,
          size,
          indexSeconds,
          scrollSeconds,
          documents / scrollSeconds,
          report.get("seconds").asDouble(),
          report.get("eventsPerSecond").asDouble(),
          jobSeconds);
    }
  }

  /** The baseline: every document of the chain through a plain scroll, each reply parsed. */
  private long scroll(String chain) throws IOException {
    Request first = new Request("POST", "/" + AuditIndex.ALIAS + "/_search?scroll=1m");
    first.setJsonEntity(
        "{\"size\":5000,\"query\":{\"term\":{\"chainId\":\"" + chain + "\"}},\"sort\":[\"_doc\"]}");
    JsonNode reply = perform(first);
    long documents = 0;
    while (true) {
      int hits = reply.path("hits").path("hits").size();
      if (hits == 0) {
        break;
      }
      documents += hits;
      Request next = new Request("POST", "/_search/scroll");
      next.setJsonEntity(
          "{\"scroll\":\"1m\",\"scroll_id\":\"" + reply.path("_scroll_id").asString() + "\"}");
      reply = perform(next);
    }
    Request clear = new Request("DELETE", "/_search/scroll");
    clear.setJsonEntity("{\"scroll_id\":\"" + reply.path("_scroll_id").asString() + "\"}");
    client.performRequest(clear);
    return documents;
  }

  private JsonNode perform(Request request) throws IOException {
    try (InputStream in = client.performRequest(request).getEntity().getContent()) {
      return EventJson.mapper().readTree(in);
    }
  }
}
