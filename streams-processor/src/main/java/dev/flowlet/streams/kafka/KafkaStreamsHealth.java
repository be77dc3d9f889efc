package dev.flowlet.streams.kafka;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Up while the Streams client runs or rebalances; down when it stopped or failed. */
@Component("kafkaStreams")
class KafkaStreamsHealth implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  KafkaStreamsHealth(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams client = streams.getKafkaStreams();
    if (client == null) {
      return Health.down().withDetail("state", "NOT_STARTED").build();
    }
    KafkaStreams.State state = client.state();
    Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
    return health.withDetail("state", state.name()).build();
  }
}
