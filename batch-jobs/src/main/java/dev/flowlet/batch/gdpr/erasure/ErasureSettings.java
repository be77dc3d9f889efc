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
 * @param elasticsearchUsername basic-auth user, if the cluster needs one ({@code
 *     SPRING_ELASTICSEARCH_USERNAME}, as the streams processor reads it)
 * @param elasticsearchPassword its password ({@code SPRING_ELASTICSEARCH_PASSWORD})
 * @param pageSize documents read and rewritten per Elasticsearch request
 * @param kafkaTimeout how long to wait for the erasure ledger topic (write acknowledgement, read)
 * @param replayOnStart whether batch-jobs re-applies the erasure ledger when it starts
 */
@Validated
@ConfigurationProperties("flowlet.batch.gdpr.erasure")
record ErasureSettings(
    @NotNull URI elasticsearchUrl,
    @DefaultValue("") String elasticsearchUsername,
    @DefaultValue("") String elasticsearchPassword,
    @DefaultValue("2000") @Min(1) int pageSize,
    @DefaultValue("30s") @NotNull Duration kafkaTimeout,
    @DefaultValue("true") boolean replayOnStart) {

  @Override
  public String toString() {
    return "ErasureSettings[elasticsearchUrl=" + elasticsearchUrl + ", pageSize=" + pageSize + "]";
  }
}
