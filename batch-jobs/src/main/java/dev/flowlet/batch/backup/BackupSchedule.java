package dev.flowlet.batch.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Takes and verifies a backup on {@code flowlet.batch.backup.cron} (hourly by default: the RPO),
 * after checking whether the newest verified backup has gone stale.
 */
@Component
class BackupSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

  private final BackupSettings settings;
  private final BackupVerificationRequests requests;
  private final BackupAlerts alerts;
  private final JobOperator operator;
  private final Job backupVerificationJob;

  BackupSchedule(
      BackupSettings settings,
      BackupVerificationRequests requests,
      BackupAlerts alerts,
      JobOperator operator,
      Job backupVerificationJob) {
    this.settings = settings;
    this.requests = requests;
    this.alerts = alerts;
    this.operator = operator;
    this.backupVerificationJob = backupVerificationJob;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addCronTask(this::run, settings.cron());
  }

  void run() {
    alerts.checkStaleness();
    try {
      var execution = operator.start(backupVerificationJob, requests.newRun(null));
      log.info("Scheduled backup verification started as execution {}", execution.getId());
    } catch (Exception e) {
      log.error("Cannot start the scheduled backup verification", e);
    }
  }
}
