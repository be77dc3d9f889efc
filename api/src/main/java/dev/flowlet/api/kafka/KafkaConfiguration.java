package dev.flowlet.api.kafka;

import dev.flowlet.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Creates Flowlet's topics when they are missing (existing topics are left as they are), and makes
 * the API's listeners retry instead of skipping.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  /**
   * A record whose processing fails (the database is down, say) is retried with back-off until it
   * succeeds: the default handler would give up after ten tries and skip it, silently.
   */
  @Bean
  DefaultErrorHandler retryUntilProcessed() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(10_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return new DefaultErrorHandler(backOff);
  }

  @Bean
  KafkaAdmin.NewTopics flowletTopics(TopicSettings settings) {
    return new KafkaAdmin.NewTopics(Topics.newTopics(settings.replicationFactor()));
  }

  /**
   * @param replicationFactor replicas of each topic: 1 on one local broker, 3 in production
   */
  @ConfigurationProperties("flowlet.kafka")
  record TopicSettings(@DefaultValue("1") short replicationFactor) {}
}
