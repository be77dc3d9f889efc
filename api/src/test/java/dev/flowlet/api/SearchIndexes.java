package dev.flowlet.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.flowlet.elastic.ElasticAssets;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The shared test node's Flowlet indices, filled the way streams-processor's sink fills them: the
 * installed templates, one index per month ({@code flowlet-audit-2026.11}), the event's JSON as it
 * travels on Kafka, the event id as document id. The api test context runs no streams processor, so
 * this stands in for its sink (not for Elasticsearch, which is the real node).
 */
final class SearchIndexes {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
  private static final int BULK_SIZE = 2_000;

  /** One document for a monthly index of {@code prefix} ({@code flowlet-audit}, ...). */
  record Document(String prefix, Instant time, String id, Object event) {}

  private final ElasticsearchClient client;

  private static volatile boolean installed;

  SearchIndexes(ElasticsearchClient client) {
    this.client = client;
    if (!installed) {
      // Idempotent; once per JVM is enough, the node lives as long as the JVM.
      ElasticAssets.defaults().install(client);
      installed = true;
    }
  }

  /** Indexes what the API has published on the audit topic so far, as the sink would. */
  void indexPublishedAuditEvents() {
    List<Document> documents =
        TopicReader.readAll(Topics.AUDIT).stream()
            .map(event -> new Document("flowlet-audit", event.occurredAt(), event.eventId(), event))
            .toList();
    index(documents);
  }

  static Document audit(AuditEvent event) {
    return new Document("flowlet-audit", event.occurredAt(), event.eventId(), event);
  }

  /** Indexes the documents in bulk, then refreshes so that searches see them at once. */
  void index(List<Document> documents) {
    try {
      for (int start = 0; start < documents.size(); start += BULK_SIZE) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Document document :
            documents.subList(start, Math.min(documents.size(), start + BULK_SIZE))) {
          byte[] json = EventJson.mapper().writeValueAsBytes(document.event());
          bulk.operations(
              operation ->
                  operation.index(
                      index ->
                          index
                              .index(document.prefix() + "-" + MONTH.format(document.time()))
                              .id(document.id())
                              .document(BinaryData.of(json, ContentType.APPLICATION_JSON))));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
          throw new IllegalStateException(
              "Elasticsearch refused documents: "
                  + response.items().stream()
                      .filter(item -> item.error() != null)
                      .map(item -> item.error().reason())
                      .findFirst()
                      .orElse("?"));
        }
      }
      client.indices().refresh(refresh -> refresh.index("flowlet-*"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
