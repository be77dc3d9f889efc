package dev.flowlet.batch.alerts;

import dev.flowlet.events.Topics;
import java.util.Arrays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the alerts topic when it is missing (the API creates the others). */
@Configuration(proxyBeanMethods = false)
class AlertTopicConfiguration {

  @Bean
  KafkaAdmin.NewTopics alertTopic(TopicSettings settings) {
    return new KafkaAdmin.NewTopics(
        Arrays.stream(Topics.newTopics(settings.replicationFactor()))
            .filter(topic -> topic.name().equals(Topics.ALERTS.name()))
            .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
  }

  /**
   * @param replicationFactor replicas of each topic: 1 on one local broker, 3 in production
   */
  @ConfigurationProperties("flowlet.kafka")
  record TopicSettings(@DefaultValue("1") short replicationFactor) {}
}
