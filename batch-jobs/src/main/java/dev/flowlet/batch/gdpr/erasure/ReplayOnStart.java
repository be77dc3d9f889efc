package dev.flowlet.batch.gdpr.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts {@code erasureReplayJob} when batch-jobs is ready, so that a database restored from an
 * older backup has its erasures re-applied before anyone relies on it. A failed replay is a failed
 * job execution (alerted like any other) and is retried at the next start or on demand.
 */
@Component
class ReplayOnStart {

  private static final Logger log = LoggerFactory.getLogger(ReplayOnStart.class);

  private final ErasureSettings settings;
  private final JobOperator operator;
  private final Job erasureReplayJob;
  private final ErasureReplayRequests requests;

  ReplayOnStart(
      ErasureSettings settings,
      JobOperator operator,
      Job erasureReplayJob,
      ErasureReplayRequests requests) {
    this.settings = settings;
    this.operator = operator;
    this.erasureReplayJob = erasureReplayJob;
    this.requests = requests;
  }

  @EventListener(ApplicationReadyEvent.class)
  void replay() throws Exception {
    if (!settings.replayOnStart()) {
      return;
    }
    var execution = operator.start(erasureReplayJob, requests.newRun());
    log.info("Erasure ledger replay started as execution {}", execution.getId());
  }
}
