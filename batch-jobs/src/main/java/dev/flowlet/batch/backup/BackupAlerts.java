package dev.flowlet.batch.backup;

import dev.flowlet.batch.alerts.AlertPublisher;
import dev.flowlet.batch.jobs.FailureReports;
import dev.flowlet.events.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Raises an alert when a backup verification fails ({@code backup.verification-failed}, one per
 * execution) and when the newest verified backup is older than {@code max-age} ({@code
 * backup.stale}, at most one per hour). Checked after every run and before every scheduled run. An
 * alert that cannot be published is logged as an error; the age gauge still tells Prometheus.
 */
@Component
class BackupAlerts implements JobExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(BackupAlerts.class);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("uuuuMMddHH").withZone(ZoneOffset.UTC);

  private final AlertPublisher alerts;
  private final BackupMetrics metrics;
  private final Duration maxAge;
  private final Clock clock;

  BackupAlerts(AlertPublisher alerts, BackupMetrics metrics, BackupSettings settings, Clock clock) {
    this.alerts = alerts;
    this.metrics = metrics;
    this.maxAge = settings.maxAge();
    this.clock = clock;
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.FAILED) {
      raise(
          "backup-verification-failed-" + execution.getId(),
          "backup.verification-failed",
          Alert.Severity.CRITICAL,
          "Backup verification failed (job execution "
              + execution.getId()
              + "): "
              + FailureReports.reason(execution));
    }
    checkStaleness();
  }

  /** Raises the stale-backup alert when the newest verified backup is too old. */
  void checkStaleness() {
    double age = metrics.ageSeconds();
    if (age > maxAge.toSeconds()) {
      raise(
          "backup-stale-" + HOUR.format(clock.instant()),
          "backup.stale",
          Alert.Severity.HIGH,
          "The newest verified backup is "
              + Math.round(age / 60)
              + " minutes old, over the limit of "
              + maxAge.toMinutes()
              + " minutes");
    }
  }

  private void raise(String alertId, String rule, Alert.Severity severity, String detail) {
    try {
      alerts.raise(alertId, rule, severity, detail, null);
    } catch (AlertPublisher.AlertNotRaisedException e) {
      log.error("Could not raise alert {} ({}): {}", alertId, rule, detail, e);
    }
  }
}
