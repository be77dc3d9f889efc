package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.testsupport.FlowletInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test node's Flowlet indices, with the mappings that matter here as the shipped templates have
 * them ({@code customerId} a keyword, reason and alert details text), and the subject's documents
 * as the streams sink indexes them.
 */
final class SearchIndices {

  static final String DECISIONS = "flowlet-decisions-2026.11";
  static final String ALERTS = "flowlet-alerts-2026.11";
  static final String AUDIT = "flowlet-audit-2026.11";

  private static final String MAPPING =
      """
      {"mappings":{"dynamic":false,"properties":{
        "customerId":{"type":"keyword"},"accountId":{"type":"keyword"},
        "transactionId":{"type":"keyword"},"subjectId":{"type":"keyword"},
        "detail":{"type":"text"},"score":{"type":"integer"},
        "reasons":{"properties":{"rule":{"type":"keyword"},"detail":{"type":"text"}}}}}}
      """;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final URI base = URI.create(FlowletInfrastructure.shared().elasticsearchUrl() + "/");

  SearchIndices() throws Exception {
    for (String index : new String[] {DECISIONS, ALERTS, AUDIT}) {
      if (send("HEAD", index, null).statusCode() == 404) {
        send("PUT", index, MAPPING);
      }
    }
  }

  /**
   * A decision (one reason leaks the name), an alert (the detail leaks the email), an audit event.
   */
  String indexDocumentsOf(DataSubject subject) throws Exception {
    String decision = UUID.randomUUID().toString();
    put(
        DECISIONS,
        decision,
        """
        {"decisionId":"%s","customerId":"%s","accountId":"%s","score":70,"outcome":"REVIEW",
         "reasons":[{"rule":"SANCTIONS_MATCH","detail":"Counterparty %s resembles a listed name","score":70}]}
        """
            .formatted(decision, subject.id, subject.account, subject.name));
    put(
        ALERTS,
        UUID.randomUUID().toString(),
        """
        {"customerId":"%s","accountId":"%s","rule":"LARGE_AMOUNT","severity":"HIGH",
         "detail":"Contact %s about the amount"}
        """
            .formatted(subject.id, subject.account, subject.email));
    put(
        AUDIT,
        UUID.randomUUID().toString(),
        """
        {"subjectId":"%s","action":"customer.read","actor":"demo-officer"}
        """
            .formatted(subject.id));
    send("POST", "flowlet-*/_refresh", null);
    return decision;
  }

  void put(String index, String id, String document) throws Exception {
    HttpResponse<String> answer = send("PUT", index + "/_doc/" + id, document);
    if (answer.statusCode() >= 300) {
      throw new IllegalStateException("indexing failed: " + answer.statusCode());
    }
  }

  JsonNode get(String index, String id) throws Exception {
    return json.readTree(send("GET", index + "/_doc/" + id, null).body());
  }

  /** Documents of every Flowlet index whose source contains {@code text} anywhere. */
  long sourcesContaining(String text) throws Exception {
    String body =
        send("GET", "flowlet-*/_search?size=10000", "{\"query\":{\"match_all\":{}}}").body();
    JsonNode hits = json.readTree(body).path("hits").path("hits");
    long found = 0;
    for (JsonNode hit : hits) {
      if (hit.path("_source").toString().toLowerCase().contains(text.toLowerCase())) {
        found++;
      }
    }
    return found;
  }

  /** Blocks (or unblocks) writes to the decisions index: a crash of the redaction step. */
  void blockWrites(boolean blocked) throws Exception {
    send("PUT", DECISIONS + "/_settings", "{\"index.blocks.write\":" + blocked + "}");
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
