package dev.flowlet.api.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize largest request body accepted; larger ones are answered 413
 * @param trustedProxies addresses or CIDR ranges of the proxies (nginx) whose {@code
 *     X-Forwarded-For} and {@code X-Forwarded-Proto} headers are believed; empty: none, every peer
 *     is the client
 * @param maxConcurrentRequests requests to {@code /api/**} in progress at once; more are answered
 *     503 with Retry-After at once instead of queueing in the heap
 * @param maxUrlLength longest path and query accepted; longer ones are answered 414
 * @param maxHeaderSize largest sum of request headers accepted; larger ones are answered 431 (keep
 *     it below {@code server.max-http-request-header-size}, above which Tomcat answers a bare 400)
 */
@ConfigurationProperties("flowlet.api")
record WebSettings(
    @DefaultValue("64KB") DataSize maxRequestSize,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("256") int maxConcurrentRequests,
    @DefaultValue("8KB") DataSize maxUrlLength,
    @DefaultValue("12KB") DataSize maxHeaderSize) {

  WebSettings {
    if (maxRequestSize.toBytes() < 1) {
      throw new IllegalStateException("flowlet.api.max-request-size must be positive");
    }
    if (maxUrlLength.toBytes() < 1 || maxHeaderSize.toBytes() < 1) {
      throw new IllegalStateException(
          "flowlet.api.max-url-length and max-header-size must be positive");
    }
    if (maxConcurrentRequests < 1) {
      throw new IllegalStateException("flowlet.api.max-concurrent-requests must be positive");
    }
    trustedProxies =
        trustedProxies.stream().map(String::strip).filter(proxy -> !proxy.isEmpty()).toList();
  }
}
