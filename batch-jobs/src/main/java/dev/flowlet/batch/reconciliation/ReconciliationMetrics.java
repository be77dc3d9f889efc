package dev.flowlet.batch.reconciliation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * {@code flowlet_reconciliation_breaks_total{category}} (breaks found by completed runs) and {@code
 * flowlet_reconciliation_last_run_status} (1 when the last run completed, 0 when it failed; taken
 * from the job repository at start-up, 1 when there was none).
 */
@Component
class ReconciliationMetrics implements JobExecutionListener {

  private final Map<ResultCategory, Counter> breaks = new EnumMap<>(ResultCategory.class);
  private final AtomicInteger lastRunStatus = new AtomicInteger(1);

  ReconciliationMetrics(MeterRegistry meters, JobRepository repository) {
    for (ResultCategory category : ResultCategory.values()) {
      if (category.isBreak()) {
        breaks.put(
            category,
            Counter.builder("flowlet.reconciliation.breaks")
                .description("Reconciliation breaks found, per category")
                .tag("category", category.name())
                .register(meters));
      }
    }
    JobInstance last = repository.getLastJobInstance(ReconciliationJobConfiguration.JOB_NAME);
    if (last != null) {
      JobExecution execution = repository.getLastJobExecution(last);
      if (execution != null && execution.getStatus() == BatchStatus.FAILED) {
        lastRunStatus.set(0);
      }
    }
    Gauge.builder("flowlet.reconciliation.last.run.status", lastRunStatus, AtomicInteger::get)
        .description("1 when the last reconciliation run completed, 0 when it failed")
        .register(meters);
  }

  void countBreaks(Map<ResultCategory, Long> counts) {
    counts.forEach(
        (category, count) -> {
          if (category.isBreak() && count > 0) {
            breaks.get(category).increment(count);
          }
        });
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      lastRunStatus.set(1);
    } else if (execution.getStatus() == BatchStatus.FAILED) {
      lastRunStatus.set(0);
    }
  }
}
