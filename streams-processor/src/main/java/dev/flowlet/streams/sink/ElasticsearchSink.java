package dev.flowlet.streams.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Bulk-indexes the audit trail (as chained, from {@code flowlet.audit-chained.v1}), decisions and
 * alerts. The document id is the event's own id, so a replay overwrites instead of duplicating;
 * offsets are committed only after Elasticsearch accepted the whole batch, so while it is down
 * records wait in Kafka and nothing is lost.
 */
@Component
class ElasticsearchSink {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchSink.class);

  /** The listener's id; {@link IndexTemplatesFirst} starts it once the templates are in place. */
  static final String LISTENER_ID = "flowlet-elasticsearch-sink";

  private final ElasticsearchClient elasticsearch;
  private final SinkDocuments documents;
  private final DeadLetters deadLetters;
  private final PipelineMetrics metrics;

  ElasticsearchSink(
      ElasticsearchClient elasticsearch,
      SinkDocuments documents,
      DeadLetters deadLetters,
      PipelineMetrics metrics) {
    this.metrics = metrics;
    this.elasticsearch = elasticsearch;
    this.documents = documents;
    this.deadLetters = deadLetters;
  }

  @KafkaListener(
      id = ElasticsearchSink.LISTENER_ID,
      autoStartup = "false",
      topics = {"flowlet.audit-chained.v1", "flowlet.risk-decisions.v1", "flowlet.alerts.v1"},
      batch = "true")
  void index(List<ConsumerRecord<String, byte[]>> records) {
    List<SinkDocument> batch = documents.from(records);
    if (batch.isEmpty()) {
      return;
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (SinkDocument document : batch) {
      bulk.operations(
          operation ->
              operation.index(
                  index ->
                      index
                          .index(document.index())
                          .id(document.id())
                          .document(BinaryData.of(document.json(), ContentType.APPLICATION_JSON))));
    }
    BulkResponse response;
    try {
      response = elasticsearch.bulk(bulk.build());
    } catch (IOException e) {
      metrics.failed(batch.size());
      throw new UncheckedIOException("Elasticsearch unreachable; the batch will be retried", e);
    }
    if (response.errors()) {
      handleRejections(batch, response.items());
    }
    for (int i = 0; i < batch.size(); i++) {
      if (response.items().get(i).error() == null) {
        metrics.indexed(batch.get(i).index(), 1);
      }
    }
    log.debug("Indexed {} documents", batch.size());
  }

  /**
   * Documents Elasticsearch can never accept (4xx but 429) become dead letters; anything else
   * (overload, unavailable shards) fails the batch, which is retried with back-off. Re-indexing the
   * accepted ones again is harmless: same ids.
   */
  private void handleRejections(List<SinkDocument> batch, List<BulkResponseItem> items) {
    String retryable = null;
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      if (item.error() == null) {
        continue;
      }
      metrics.failed(1);
      if (item.status() >= 400 && item.status() < 500 && item.status() != 429) {
        deadLetters.send(batch.get(i).source(), describe(item));
      } else if (retryable == null) {
        retryable = describe(item);
      }
    }
    if (retryable != null) {
      throw new IllegalStateException("Elasticsearch could not index the batch now: " + retryable);
    }
  }

  private static String describe(BulkResponseItem item) {
    return item.index() + ": " + item.error().type() + " " + item.error().reason();
  }
}
