package dev.flowlet.streams.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.flowlet.elastic.ElasticAssets;
import dev.flowlet.elastic.InstallReport;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * Installs Flowlet's index templates, component templates and (where the cluster has ILM) the
 * retention policy, then starts the sink. An index created before its template would keep a guessed
 * mapping for good, so the sink never indexes before the templates are in place. While
 * Elasticsearch is unreachable it retries with back-off in the background; the app stays up and its
 * audit records wait in Kafka.
 */
@Component
class IndexTemplatesFirst implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IndexTemplatesFirst.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ElasticsearchClient elasticsearch;
  private final KafkaListenerEndpointRegistry listeners;
  private volatile Thread installer;
  private volatile boolean running;

  IndexTemplatesFirst(ElasticsearchClient elasticsearch, KafkaListenerEndpointRegistry listeners) {
    this.elasticsearch = elasticsearch;
    this.listeners = listeners;
  }

  @Override
  public void start() {
    running = true;
    installer =
        Thread.ofPlatform().name("elastic-assets").daemon().start(this::installThenStartSink);
  }

  private void installThenStartSink() {
    Duration backoff = Duration.ofMillis(500);
    while (running) {
      try {
        InstallReport report = ElasticAssets.defaults().install(elasticsearch);
        log.info("Elasticsearch assets: {}", report.summary());
        listeners.getListenerContainer(ElasticsearchSink.LISTENER_ID).start();
        return;
      } catch (RuntimeException e) {
        log.warn(
            "Cannot install the Elasticsearch assets yet, retrying in {} ms: {}",
            backoff.toMillis(),
            e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = installer;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
