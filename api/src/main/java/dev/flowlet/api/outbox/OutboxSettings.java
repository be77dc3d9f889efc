package dev.flowlet.api.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize rows published per round trip
 * @param pollInterval how long the relay waits when it was not woken by a commit (another
 *     instance's commits, or rows left over after a failure)
 * @param sendTimeout how long one batch may wait for the broker's acknowledgements
 * @param maxBackoff longest pause between retries while Kafka is unreachable
 * @param retention how long published rows are kept (for operators who want to look back) before
 *     the relay deletes them
 */
@ConfigurationProperties("flowlet.outbox")
record OutboxSettings(
    @DefaultValue("500") int batchSize,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("30s") Duration sendTimeout,
    @DefaultValue("5s") Duration maxBackoff,
    @DefaultValue("24h") Duration retention) {}
