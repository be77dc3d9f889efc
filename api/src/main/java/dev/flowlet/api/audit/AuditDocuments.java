package dev.flowlet.api.audit;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads audit documents from the {@code flowlet-audit} alias over Spring Boot's Elasticsearch
 * client, with core search only (term queries, sort by sequence, {@code search_after}).
 */
final class AuditDocuments {

  private static final String SEARCH = "/flowlet-audit/_search";
  private static final int PAGE = 1000;

  private final Rest5Client client;

  AuditDocuments(Rest5Client client) {
    this.client = client;
  }

  Optional<AuditEvent> byId(String eventId) {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("size", 1);
    body.putObject("query").putObject("term").put("eventId", eventId);
    return first(body);
  }

  Optional<AuditEvent> at(String chainId, long sequence) {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("size", 1);
    ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
    filter.addObject().putObject("term").put("chainId", chainId);
    filter.addObject().putObject("term").put("sequence", sequence);
    return first(body);
  }

  /**
   * Hands the events of {@code chainId} from {@code from} to {@code to} (inclusive) to {@code
   * consumer} in sequence order, until it answers false.
   */
  void range(String chainId, long from, long to, Predicate<AuditEvent> consumer) {
    Long after = null;
    while (true) {
      ObjectNode body = EventJson.mapper().createObjectNode();
      body.put("size", PAGE);
      ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
      filter.addObject().putObject("term").put("chainId", chainId);
      filter.addObject().putObject("range").putObject("sequence").put("gte", from).put("lte", to);
      body.putArray("sort").addObject().put("sequence", "asc");
      if (after != null) {
        body.putArray("search_after").add(after);
      }
      List<AuditEvent> page = search(body);
      for (AuditEvent event : page) {
        if (!consumer.test(event)) {
          return;
        }
        after = event.sequence();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private Optional<AuditEvent> first(ObjectNode body) {
    List<AuditEvent> found = search(body);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  private List<AuditEvent> search(ObjectNode body) {
    Request request = new Request("POST", SEARCH);
    request.setJsonEntity(body.toString());
    JsonNode reply;
    try {
      var response = client.performRequest(request);
      try (InputStream in = response.getEntity().getContent()) {
        reply = EventJson.mapper().readTree(in);
      }
    } catch (ResponseException e) {
      if (e.getResponse().getStatusCode() == 404) {
        return List.of();
      }
      throw new IllegalStateException(
          "Elasticsearch refused an audit search: HTTP " + e.getResponse().getStatusCode(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch unreachable", e);
    }
    List<AuditEvent> events = new ArrayList<>();
    for (JsonNode hit : reply.path("hits").path("hits")) {
      events.add(EventJson.mapper().treeToValue(hit.path("_source"), AuditEvent.class));
    }
    return events;
  }
}
