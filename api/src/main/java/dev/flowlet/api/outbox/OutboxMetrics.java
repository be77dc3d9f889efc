package dev.flowlet.api.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far publication lags behind acceptance: {@code flowlet_outbox_backlog} (rows not yet on
 * Kafka) and {@code flowlet_outbox_oldest_age_seconds} (how long the oldest of them has waited).
 * Read from PostgreSQL at scrape time through the partial index on unpublished rows, so every API
 * instance reports the same shared truth.
 */
@Component
class OutboxMetrics implements MeterBinder {

  private final JdbcClient jdbc;

  OutboxMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("flowlet.outbox.backlog", this, OutboxMetrics::backlog)
        .description("Outbox rows accepted but not yet acknowledged by Kafka")
        .register(registry);
    Gauge.builder("flowlet.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
        .description("Seconds the oldest unpublished outbox row has waited")
        .baseUnit("seconds")
        .register(registry);
  }

  private double backlog() {
    return jdbc.sql("select count(*) from outbox where published_at is null")
        .query(Long.class)
        .single();
  }

  private double oldestAgeSeconds() {
    return jdbc.sql(
            "select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox"
                + " where published_at is null")
        .query(Double.class)
        .single();
  }
}
