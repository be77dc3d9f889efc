package dev.flowlet.api.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka in id order and marks rows published only after the broker
 * acknowledged them ({@code acks=all}, idempotent producer). While Kafka is down rows simply wait:
 * nothing accepted is lost. A crash between acknowledgement and marking publishes a row twice,
 * which consumers absorb by event id.
 *
 * <p>Only one relay publishes at a time across all API instances (a PostgreSQL advisory lock), so
 * the per-account order of the outbox is the order on the topic.
 */
@Component
class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long RELAY_LOCK_ID = 0x0F10_77E7L;

  private final JdbcClient jdbc;
  private final KafkaTemplate<String, byte[]> kafka;
  private final TransactionTemplate transactions;
  private final OutboxSettings settings;
  private final Semaphore wakeUps = new Semaphore(0);
  private volatile Thread worker;
  private volatile boolean running;
  private long lastPurge = System.nanoTime();

  OutboxRelay(
      JdbcClient jdbc,
      KafkaTemplate<String, byte[]> kafka,
      TransactionTemplate transactions,
      OutboxSettings settings) {
    this.jdbc = jdbc;
    this.kafka = kafka;
    this.transactions = transactions;
    this.settings = settings;
  }

  /** Asks the relay to look at the outbox now instead of at its next poll. */
  void wakeUp() {
    if (wakeUps.availablePermits() == 0) {
      wakeUps.release();
    }
  }

  @Override
  public void start() {
    running = true;
    worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = worker;
    if (thread != null) {
      wakeUp();
      try {
        thread.join(settings.sendTimeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether the relay thread is alive; false after it died, e.g. of an OutOfMemoryError. */
  boolean publishing() {
    Thread thread = worker;
    return thread != null && thread.isAlive();
  }

  private void run() {
    try {
      relay();
    } catch (Throwable fatal) {
      log.error(
          "Outbox relay stopped: accepted transactions wait in the outbox until the API restarts",
          fatal);
      throw fatal;
    }
  }

  private void relay() {
    Duration backoff = Duration.ZERO;
    while (running) {
      try {
        int published = publishBatch();
        backoff = Duration.ZERO;
        if (published < settings.batchSize()) {
          purgeNowAndThen();
          wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        backoff = nextBackoff(backoff);
        log.warn(
            "Outbox publication failed, retrying in {} ms: {}",
            backoff.toMillis(),
            NestedExceptionUtils.getMostSpecificCause(e).toString());
        pause(backoff);
      }
    }
  }

  /** Publishes one batch in one database transaction; returns how many rows it published. */
  int publishBatch() {
    Integer published = transactions.execute(status -> publishLockedBatch());
    return published == null ? 0 : published;
  }

  private int publishLockedBatch() {
    boolean leader =
        jdbc.sql("select pg_try_advisory_xact_lock(?)")
            .param(RELAY_LOCK_ID)
            .query(Boolean.class)
            .single();
    if (!leader) {
      return 0;
    }
    List<OutboxRow> rows =
        jdbc.sql(
                "select id, topic, message_key, payload from outbox"
                    + " where published_at is null order by id limit ?")
            .param(settings.batchSize())
            .query(OutboxRow.class)
            .list();
    if (rows.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      acks.add(
          kafka.send(
              new ProducerRecord<>(
                  row.topic(), row.messageKey(), row.payload().getBytes(StandardCharsets.UTF_8))));
    }
    kafka.flush();
    awaitAll(acks);
    Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
    jdbc.sql("update outbox set published_at = now() where id = any(?)").param(ids).update();
    return rows.size();
  }

  /** When idle, at most once a minute, deletes published rows older than the retention. */
  private void purgeNowAndThen() {
    long now = System.nanoTime();
    if (now - lastPurge < TimeUnit.MINUTES.toNanos(1)) {
      return;
    }
    lastPurge = now;
    int deleted =
        jdbc.sql(
                "delete from outbox where id in (select id from outbox where published_at <"
                    + " now() - make_interval(secs => ?) order by id limit 10000)")
            .param(settings.retention().toSeconds())
            .update();
    if (deleted > 0) {
      log.debug("Deleted {} published outbox rows past their retention", deleted);
    }
  }

  private void awaitAll(List<CompletableFuture<?>> acks) {
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge the batch", e);
    }
  }

  private Duration nextBackoff(Duration current) {
    Duration next = current.isZero() ? Duration.ofMillis(100) : current.multipliedBy(2);
    return next.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : next;
  }

  private void pause(Duration duration) {
    try {
      wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  record OutboxRow(long id, String topic, String messageKey, String payload) {}
}
