package dev.flowlet.api.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code flowlet_alerts_open{severity}} and {@code
 * flowlet_alerts_oldest_open_age_seconds{severity}}, read from PostgreSQL at scrape time through
 * the partial index on open cases.
 */
@Component
class AlertMetrics implements MeterBinder {

  private final JdbcClient jdbc;

  AlertMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (AlertCaseController.Severity severity : AlertCaseController.Severity.values()) {
      Gauge.builder("flowlet.alerts.open", this, metrics -> metrics.open(severity.name()))
          .description("Alert cases not closed yet")
          .tag("severity", severity.name())
          .register(registry);
    }
    for (AlertCaseController.Severity severity : AlertCaseController.Severity.values()) {
      Gauge.builder(
              "flowlet.alerts.oldest.open.age",
              this,
              metrics -> metrics.oldestOpenAgeSeconds(severity.name()))
          .description(
              "Seconds since the oldest alert of this severity that is not closed was raised")
          .tag("severity", severity.name())
          .baseUnit("seconds")
          .register(registry);
    }
  }

  private double open(String severity) {
    return jdbc.sql("select count(*) from alerts where status <> 'CLOSED' and severity = ?")
        .param(severity)
        .query(Long.class)
        .single();
  }

  private double oldestOpenAgeSeconds(String severity) {
    return jdbc.sql(
            "select coalesce(extract(epoch from now() - min(raised_at)), 0) from alerts"
                + " where status <> 'CLOSED' and severity = ?")
        .param(severity)
        .query(Double.class)
        .single();
  }
}
