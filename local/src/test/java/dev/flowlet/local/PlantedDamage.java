package dev.flowlet.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Damage of every kind {@code ./flowlet verify} must count, planted straight into PostgreSQL and
 * Elasticsearch (the apps stopped, so nothing repairs it): one of each, so the counts are exact.
 */
final class PlantedDamage {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String jdbcUrl;
  private final String elasticsearchUrl;

  PlantedDamage(String jdbcUrl, String elasticsearchUrl) {
    this.jdbcUrl = jdbcUrl;
    this.elasticsearchUrl = elasticsearchUrl;
  }

  /** A committed transaction that never got a decision: missing in PostgreSQL and Elasticsearch. */
  void transactionWithoutDecision() {
    sql(
        """
        insert into transactions (id, account_id, type, amount, currency, occurred_at,
            counterparty_name, counterparty_country, channel_country, channel_device_id, created_by)
        select gen_random_uuid(), id, 'DEPOSIT', 1, 'EUR', now(), 'Planted', 'NL', 'DE', 'd', 'verify-test'
        from accounts limit 1
        """);
  }

  /** A projected decision for a transaction that does not exist. */
  void decisionRowWithoutTransaction() {
    sql(
        """
        insert into risk_decisions (transaction_id, decision_id, outcome, score, reasons, decided_at)
        values (gen_random_uuid(), gen_random_uuid(), 'ALLOW', 0, '[]', now())
        """);
  }

  /** A second decision document (another decision id) for a decided transaction. */
  void secondDecisionDocument() {
    JsonNode hit = firstHit("flowlet-decisions-*");
    ObjectNode copy = (ObjectNode) hit.get("_source").deepCopy();
    String id = UUID.randomUUID().toString();
    copy.put("decisionId", id);
    index(hit.get("_index").asString(), id, copy);
  }

  /** A decision document whose transaction does not exist. */
  void decisionDocumentWithoutTransaction() {
    JsonNode hit = firstHit("flowlet-decisions-*");
    ObjectNode copy = (ObjectNode) hit.get("_source").deepCopy();
    String id = UUID.randomUUID().toString();
    copy.put("decisionId", id);
    copy.put("transactionId", UUID.randomUUID().toString());
    index(hit.get("_index").asString(), id, copy);
  }

  /** An audit record of PostgreSQL removed from Elasticsearch; returns its id. */
  void auditDocumentDeleted() {
    JsonNode hit = firstHit("flowlet-audit-*", "{\"term\":{\"chainId\":\"api\"}}");
    send(
        "DELETE",
        "/" + hit.get("_index").asString() + "/_doc/" + hit.get("_id").asString() + "?refresh=true",
        null);
  }

  /** An audit record indexed twice, in two monthly indices. */
  void auditDocumentInTwoIndices() {
    JsonNode hit = firstHit("flowlet-audit-*", "{\"term\":{\"chainId\":\"api\"}}", 1);
    index("flowlet-audit-2001.01", hit.get("_id").asString(), hit.get("_source"));
  }

  /** An outbox row the relay never published, a minute old. */
  void stuckOutboxRow() {
    sql(
        """
        insert into outbox (topic, message_key, payload, created_at)
        values ('flowlet.audit.v1', 'planted', '{}', now() - interval '1 minute')
        """);
  }

  private JsonNode firstHit(String index) {
    return firstHit(index, "{\"match_all\":{}}");
  }

  private JsonNode firstHit(String index, String query) {
    return firstHit(index, query, 0);
  }

  private JsonNode firstHit(String index, String query, int from) {
    JsonNode answer =
        send(
            "POST",
            "/" + index + "/_search",
            "{\"from\":%d,\"size\":1,\"query\":%s}".formatted(from, query));
    return answer.get("hits").get("hits").get(0);
  }

  private void index(String index, String id, JsonNode source) {
    send("PUT", "/" + index + "/_doc/" + id + "?refresh=true", JSON.writeValueAsString(source));
  }

  private JsonNode send(String method, String path, String body) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void sql(String statement) {
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var update = db.createStatement()) {
      update.executeUpdate(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
