package dev.flowlet.batch.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxConcurrent jobs running at the same time on this instance; more are queued up to {@code
 *     queueCapacity}, beyond that a start is answered 503
 * @param queueCapacity starts waiting for a free slot
 * @param staleAfter a running execution not updated for this long, and not running on this
 *     instance, is taken as crashed: a restart request marks it failed and resumes it
 */
@Validated
@ConfigurationProperties("flowlet.batch.jobs")
record JobsSettings(
    @DefaultValue("2") @jakarta.validation.constraints.Min(1) int maxConcurrent,
    @DefaultValue("20") @jakarta.validation.constraints.Min(0) int queueCapacity,
    @DefaultValue("30m") Duration staleAfter) {}
