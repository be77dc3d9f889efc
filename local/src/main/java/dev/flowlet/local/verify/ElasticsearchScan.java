package dev.flowlet.local.verify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads every document of an index pattern through a point in time, 10,000 hits a page, asking only
 * for the fields a check needs: a consistent snapshot in a handful of requests, not one per row.
 */
final class ElasticsearchScan {

  private static final int PAGE = 10_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  ElasticsearchScan(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Calls {@code hit} with each document's id and source (only {@code fields}); no matching index
   * means no documents.
   */
  void scan(
      String indexPattern, JsonNode query, String[] fields, BiConsumer<String, JsonNode> hit) {
    scan(indexPattern, query, fields, new String[0], hit);
  }

  /**
   * Calls {@code hit} with each document's id and whole source, every document of the pattern,
   * ordered by {@code sortFields} ascending.
   */
  void scanInOrder(String indexPattern, String[] sortFields, BiConsumer<String, JsonNode> hit) {
    scan(
        indexPattern,
        JSON.createObjectNode().set("match_all", JSON.createObjectNode()),
        null,
        sortFields,
        hit);
  }

  private void scan(
      String indexPattern,
      JsonNode query,
      String[] fields,
      String[] sortFields,
      BiConsumer<String, JsonNode> hit) {
    JsonNode opened =
        call(
            "POST",
            "/"
                + URLEncoder.encode(indexPattern, StandardCharsets.UTF_8)
                + "/_pit?keep_alive=2m&allow_no_indices=true&ignore_unavailable=true",
            null);
    String pit = opened.path("id").asString();
    try {
      JsonNode after = null;
      while (true) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", PAGE);
        body.put("track_total_hits", false);
        body.set("query", query);
        if (fields == null) {
          body.put("_source", true);
        } else {
          ArrayNode source = body.putArray("_source");
          for (String field : fields) {
            source.add(field);
          }
        }
        body.putObject("pit").put("id", pit).put("keep_alive", "2m");
        ArrayNode sort = body.putArray("sort");
        for (String field : sortFields) {
          sort.addObject().put(field, "asc");
        }
        sort.addObject().put("_shard_doc", "asc");
        if (after != null) {
          body.set("search_after", after);
        }
        JsonNode page = call("POST", "/_search", body);
        pit = page.path("pit_id").asString(pit);
        JsonNode hits = page.path("hits").path("hits");
        for (JsonNode each : hits) {
          hit.accept(each.path("_id").asString(), each.path("_source"));
        }
        if (hits.size() < PAGE) {
          return;
        }
        after = hits.get(hits.size() - 1).path("sort");
      }
    } finally {
      ObjectNode close = JSON.createObjectNode().put("id", pit);
      try {
        call("DELETE", "/_pit", close);
      } catch (VerifyException ignored) {
        // The point in time expires by itself.
      }
    }
  }

  /** A query matching every document, or those with {@code field} in [from, to). */
  static JsonNode range(String field, java.time.Instant from, java.time.Instant to) {
    if (from == null && to == null) {
      return JSON.createObjectNode().set("match_all", JSON.createObjectNode());
    }
    ObjectNode bounds = JSON.createObjectNode();
    if (from != null) {
      bounds.put("gte", from.toString());
    }
    if (to != null) {
      bounds.put("lt", to.toString());
    }
    ObjectNode query = JSON.createObjectNode();
    query.putObject("range").set(field, bounds);
    return query;
  }

  private JsonNode call(String method, String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new VerifyException(
          "Elasticsearch at " + baseUrl + " does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerifyException("Interrupted while reading Elasticsearch", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new VerifyException(
          "Elasticsearch refused "
              + method
              + " "
              + path.replaceAll("\\?.*", "")
              + " with "
              + response.statusCode()
              + ": "
              + abbreviate(response.body()));
    }
    return JSON.readTree(response.body());
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
