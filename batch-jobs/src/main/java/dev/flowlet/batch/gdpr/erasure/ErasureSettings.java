package dev.flowlet.batch.gdpr.erasure;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the erasure jobs.
 *
 * @param elasticsearchUrl the Elasticsearch node ({@code FLOWLET_ES_URL})
 * @param pageSize documents read and rewritten per Elasticsearch request
 * @param kafkaTimeout how long to wait for the erasure ledger topic (write acknowledgement, read)
 * @param replayOnStart whether batch-jobs re-applies the erasure ledger when it starts
 */
@Validated
@ConfigurationProperties("flowlet.batch.gdpr.erasure")
record ErasureSettings(
    @NotNull URI elasticsearchUrl,
    @DefaultValue("2000") @Min(1) int pageSize,
    @DefaultValue("30s") @NotNull Duration kafkaTimeout,
    @DefaultValue("true") boolean replayOnStart) {}
