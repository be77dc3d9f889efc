package dev.flowlet.batch.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param cron when the audit chains are verified ({@code -} disables it); hourly by default
 * @param publicKeys the keys checkpoints may be signed with, {@code <key id>:<base64 X.509>[,...]}
 *     ({@code FLOWLET_AUDIT_PUBLIC_KEYS}); keep a retired key as long as its checkpoints are kept
 * @param pageSize events read from Elasticsearch per request
 * @param settle how long an event may take from PostgreSQL (or a checkpoint) to Elasticsearch
 *     (outbox relay, chainer, sink); younger rows and checkpoints past the indexed end of a chain
 *     are not counted as missing yet
 */
@Validated
@ConfigurationProperties("flowlet.batch.audit")
record AuditSettings(
    @DefaultValue("0 30 * * * *") @NotBlank String cron,
    String publicKeys,
    @DefaultValue("5000") @Min(100) @Max(10000) int pageSize,
    @DefaultValue("5m") @NotNull Duration settle) {}
