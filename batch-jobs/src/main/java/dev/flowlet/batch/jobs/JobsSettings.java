package dev.flowlet.batch.jobs;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxConcurrent jobs running at the same time on this instance; more are queued up to {@code
 *     queueCapacity}, beyond that a start is answered 503
 * @param queueCapacity starts waiting for a free slot
 * @param staleAfter a running execution not updated for this long, and not running or queued on
 *     this instance, is taken as crashed: {@link CrashedExecutions} (or a restart request) marks it
 *     failed and resumes it. Every instance marks the executions it runs or queues as alive three
 *     times per {@code staleAfter}, so a long step on a live instance is never taken as crashed
 * @param recoveryInterval how often each instance looks for crashed executions (also once when the
 *     application is ready)
 * @param resumeCrashed whether this instance resumes crashed executions by itself; off, they wait
 *     for {@code POST /api/v1/jobs/executions/{id}/restart}
 */
@Validated
@ConfigurationProperties("flowlet.batch.jobs")
record JobsSettings(
    @DefaultValue("2") @Min(1) int maxConcurrent,
    @DefaultValue("20") @Min(0) int queueCapacity,
    @DefaultValue("30m") Duration staleAfter,
    @DefaultValue("1m") Duration recoveryInterval,
    @DefaultValue("true") boolean resumeCrashed) {

  private static final Duration MIN_ALIVE_INTERVAL = Duration.ofMillis(100);

  JobsSettings {
    if (!staleAfter.isPositive()) {
      throw new IllegalArgumentException("flowlet.batch.jobs.stale-after must be positive");
    }
    if (!recoveryInterval.isPositive()) {
      throw new IllegalArgumentException("flowlet.batch.jobs.recovery-interval must be positive");
    }
  }

  /** How often the executions running or queued here are marked alive: thrice per staleAfter. */
  Duration aliveInterval() {
    Duration third = staleAfter.dividedBy(3);
    return third.compareTo(MIN_ALIVE_INTERVAL) < 0 ? MIN_ALIVE_INTERVAL : third;
  }
}
