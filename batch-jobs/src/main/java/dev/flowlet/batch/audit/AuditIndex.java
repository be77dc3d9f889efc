package dev.flowlet.batch.audit;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the audit trail from Elasticsearch with core APIs only: a point in time over the {@code
 * flowlet-audit} alias and {@code search_after} in sequence order, so a chain of any length is read
 * page by page from one consistent view.
 */
final class AuditIndex {

  static final String ALIAS = "flowlet-audit";
  private static final String KEEP_ALIVE = "2m";

  private final Rest5Client client;
  private final int pageSize;

  AuditIndex(Rest5Client client, int pageSize) {
    this.client = client;
    this.pageSize = pageSize;
  }

  /** Every chain id in the index (none when the index does not exist yet). */
  List<String> chains() {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("size", 0);
    body.putObject("aggs")
        .putObject("chains")
        .putObject("terms")
        .put("field", "chainId")
        .put("size", 10_000);
    JsonNode reply = perform("POST", "/" + ALIAS + "/_search", body);
    List<String> chains = new ArrayList<>();
    if (reply != null) {
      reply
          .path("aggregations")
          .path("chains")
          .path("buckets")
          .forEach(bucket -> chains.add(bucket.path("key").asString()));
    }
    return chains;
  }

  /**
   * Hands every event of {@code chainId} to {@code consumer} in sequence order until it answers
   * false; returns how many it was handed.
   */
  long readChain(String chainId, Predicate<List<AuditEvent>> consumer) {
    JsonNode pit = perform("POST", "/" + ALIAS + "/_pit?keep_alive=" + KEEP_ALIVE, null);
    if (pit == null) {
      return 0;
    }
    String pitId = pit.path("id").asString();
    long read = 0;
    try {
      ArrayNode after = null;
      while (true) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("size", pageSize);
        body.put("track_total_hits", false);
        body.putObject("pit").put("id", pitId).put("keep_alive", KEEP_ALIVE);
        body.putObject("query").putObject("term").put("chainId", chainId);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().put("sequence", "asc");
        sort.addObject().put("_shard_doc", "asc");
        if (after != null) {
          body.set("search_after", after);
        }
        JsonNode reply = perform("POST", "/_search", body);
        pitId = reply.path("pit_id").asString(pitId);
        JsonNode hits = reply.path("hits").path("hits");
        if (hits.isEmpty()) {
          return read;
        }
        List<AuditEvent> page = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
          page.add(EventJson.mapper().treeToValue(hit.path("_source"), AuditEvent.class));
          after = (ArrayNode) hit.path("sort");
        }
        read += page.size();
        if (!consumer.test(page) || hits.size() < pageSize) {
          return read;
        }
      }
    } finally {
      ObjectNode close = EventJson.mapper().createObjectNode().put("id", pitId);
      perform("DELETE", "/_pit", close);
    }
  }

  /** The ids among {@code eventIds} that have a document. */
  List<String> existing(Collection<String> eventIds) {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("size", eventIds.size());
    body.putArray("_source").add("eventId");
    ArrayNode ids = body.putObject("query").putObject("terms").putArray("eventId");
    eventIds.forEach(ids::add);
    JsonNode reply = perform("POST", "/" + ALIAS + "/_search", body);
    List<String> found = new ArrayList<>();
    if (reply != null) {
      reply
          .path("hits")
          .path("hits")
          .forEach(hit -> found.add(hit.path("_source").path("eventId").asString()));
    }
    return found;
  }

  /** The reply, or null when the index does not exist. */
  private JsonNode perform(String method, String path, JsonNode body) {
    Request request = new Request(method, path);
    if (body != null) {
      request.setJsonEntity(body.toString());
    }
    try {
      var response = client.performRequest(request);
      try (InputStream in = response.getEntity().getContent()) {
        return EventJson.mapper().readTree(in);
      }
    } catch (ResponseException e) {
      if (e.getResponse().getStatusCode() == 404) {
        return null;
      }
      throw new IllegalStateException(
          "Elasticsearch refused "
              + method
              + " "
              + path.replaceAll("\\?.*", "")
              + ": HTTP "
              + e.getResponse().getStatusCode(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch unreachable", e);
    }
  }
}
