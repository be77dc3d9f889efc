package dev.flowlet.api.outbox;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when the relay thread has died: the API would still accept transactions, but none would
 * reach Kafka until a restart, so {@code /health} must say so (and a supervisor restart the app).
 */
@Component
class OutboxRelayHealthIndicator implements HealthIndicator {

  private final OutboxRelay relay;

  OutboxRelayHealthIndicator(OutboxRelay relay) {
    this.relay = relay;
  }

  @Override
  public Health health() {
    if (!relay.isRunning()) {
      return Health.unknown().withDetail("relay", "not started").build();
    }
    return relay.publishing()
        ? Health.up().build()
        : Health.down().withDetail("relay", "stopped; outbox rows are not being published").build();
  }
}
