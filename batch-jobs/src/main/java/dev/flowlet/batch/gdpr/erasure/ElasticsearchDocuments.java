package dev.flowlet.batch.gdpr.erasure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few Elasticsearch core APIs the erasure uses, over HTTP: point-in-time search with
 * search_after, bulk index, count, refresh. No update_by_query or scripts: the in-process node and
 * some managed clusters lack them (see INFRA.md).
 */
final class ElasticsearchDocuments {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final URI base;
  private final String authorization;

  ElasticsearchDocuments(URI base, String username, String password) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.authorization =
        username == null || username.isBlank()
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A document as found. */
  record Hit(String index, String id, ObjectNode source) {}

  /**
   * Calls {@code page} with every document of {@code indices} (comma-separated patterns) whose
   * {@code field} equals {@code value}, page by page, from one point in time.
   */
  void forEach(String indices, String field, String value, int pageSize, Consumer<List<Hit>> page)
      throws IOException, InterruptedException {
    ObjectNode term = json.createObjectNode();
    term.putObject("term").put(field, value);
    if (count(indices, term) == 0) {
      return;
    }
    String pit =
        send("POST", indices + "/_pit?keep_alive=2m&ignore_unavailable=true", null)
            .get("id")
            .asString();
    try {
      JsonNode after = null;
      while (true) {
        ObjectNode body = json.createObjectNode();
        body.put("size", pageSize);
        body.set("query", term);
        body.putObject("pit").put("id", pit).put("keep_alive", "2m");
        body.putArray("sort").addObject().put("_shard_doc", "asc");
        if (after != null) {
          body.set("search_after", after);
        }
        JsonNode hits =
            send("POST", "_search", json.writeValueAsString(body)).path("hits").path("hits");
        if (hits.isEmpty()) {
          return;
        }
        List<Hit> found = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
          found.add(
              new Hit(
                  hit.get("_index").asString(),
                  hit.get("_id").asString(),
                  (ObjectNode) hit.get("_source")));
          after = hit.get("sort");
        }
        page.accept(found);
        if (hits.size() < pageSize) {
          return;
        }
      }
    } finally {
      ObjectNode close = json.createObjectNode().put("id", pit);
      send("DELETE", "_pit", json.writeValueAsString(close));
    }
  }

  /** Indexes (overwrites) the documents with their ids; fails on any item error. */
  void index(List<Hit> documents) throws IOException, InterruptedException {
    if (documents.isEmpty()) {
      return;
    }
    StringBuilder bulk = new StringBuilder();
    for (Hit document : documents) {
      ObjectNode action = json.createObjectNode();
      action.putObject("index").put("_index", document.index()).put("_id", document.id());
      bulk.append(json.writeValueAsString(action)).append('\n');
      bulk.append(json.writeValueAsString(document.source())).append('\n');
    }
    JsonNode answer = send("POST", "_bulk", bulk.toString());
    if (answer.path("errors").asBoolean(false)) {
      throw new IllegalStateException("Elasticsearch refused some of the redacted documents");
    }
  }

  /** Makes what was indexed visible to searches. */
  void refresh(String indices) throws IOException, InterruptedException {
    send("POST", indices + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
  }

  /** Documents of {@code indices} matching {@code query}. */
  long count(String indices, ObjectNode query) throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode();
    body.set("query", query);
    return send(
            "POST",
            indices + "/_count?ignore_unavailable=true&allow_no_indices=true",
            json.writeValueAsString(body))
        .path("count")
        .asLong();
  }

  /** Documents of {@code indices} with {@code phrase} in any field (text fields: as a phrase). */
  long countPhrase(String indices, String phrase) throws IOException, InterruptedException {
    ObjectNode query = json.createObjectNode();
    query
        .putObject("multi_match")
        .put("query", phrase)
        .put("type", "phrase")
        .put("lenient", true)
        .putArray("fields")
        .add("*");
    return count(indices, query);
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  ArrayNode array() {
    return json.createArrayNode();
  }

  private JsonNode send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header(
                "Content-Type",
                path.startsWith("_bulk") ? "application/x-ndjson" : "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      // The answer may quote a document: only the status and the path go into the message.
      throw new IOException(
          "Elasticsearch answered "
              + response.statusCode()
              + " to "
              + method
              + " "
              + pathOnly(path));
    }
    return json.readTree(response.body());
  }

  private static String pathOnly(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
