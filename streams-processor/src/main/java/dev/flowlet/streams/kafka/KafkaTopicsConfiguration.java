package dev.flowlet.streams.kafka;

import dev.flowlet.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates Flowlet's topics when they are missing, before the Streams client starts (it refuses to
 * start on a missing source topic).
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

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
