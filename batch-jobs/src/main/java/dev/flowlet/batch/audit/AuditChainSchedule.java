package dev.flowlet.batch.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Verifies every audit chain on {@code flowlet.batch.audit.cron} (hourly by default). */
@Component
class AuditChainSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AuditChainSchedule.class);

  private final AuditSettings settings;
  private final AuditChainVerificationRequests requests;
  private final JobOperator operator;
  private final Job auditChainVerificationJob;

  AuditChainSchedule(
      AuditSettings settings,
      AuditChainVerificationRequests requests,
      JobOperator operator,
      Job auditChainVerificationJob) {
    this.settings = settings;
    this.requests = requests;
    this.operator = operator;
    this.auditChainVerificationJob = auditChainVerificationJob;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addCronTask(this::run, settings.cron());
  }

  void run() {
    try {
      var execution = operator.start(auditChainVerificationJob, requests.newRun(null));
      log.info("Scheduled audit chain verification started as execution {}", execution.getId());
    } catch (Exception e) {
      log.error("Cannot start the scheduled audit chain verification", e);
    }
  }
}
