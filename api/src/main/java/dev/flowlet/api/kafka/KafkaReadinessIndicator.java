package dev.flowlet.api.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether a Kafka broker answers, for {@code /health/readiness}. While Kafka is down the API still
 * accepts transactions (the outbox keeps them), so this takes the instance out of the load
 * balancer's rotation only through readiness, never through liveness.
 */
@Component("kafka")
class KafkaReadinessIndicator implements HealthIndicator, DisposableBean {

  private static final int TIMEOUT_MS = 2000;

  private final AdminClient admin;

  KafkaReadinessIndicator(KafkaAdmin kafkaAdmin) {
    var config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.admin = AdminClient.create(config);
  }

  @Override
  public Health health() {
    try {
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
              .nodes()
              .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .size();
      return Health.up().withDetail("brokers", nodes).build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }

  @Override
  public void destroy() {
    admin.close();
  }
}
