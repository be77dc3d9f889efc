package dev.flowlet.api.outbox;

import dev.flowlet.events.Topic;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the outbox inside the caller's database transaction, so an event exists if and
 * only if the change it announces was committed.
 */
@Component
public class Outbox {

  private final JdbcClient jdbc;
  private final OutboxRelay relay;

  Outbox(JdbcClient jdbc, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.relay = relay;
  }

  /** Writes the event for publication on {@code topic} once the current transaction commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  public <V> void append(Topic<String, V> topic, String key, V value) {
    byte[] payload = topic.valueSerde().serializer().serialize(topic.name(), value);
    jdbc.sql("insert into outbox (topic, message_key, payload) values (?, ?, ?)")
        .params(topic.name(), key, new String(payload, StandardCharsets.UTF_8))
        .update();
    wakeRelayAfterCommit();
  }

  /** One wake-up per transaction, however many events it appends. */
  private void wakeRelayAfterCommit() {
    if (TransactionSynchronizationManager.hasResource(this)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
          }
        });
  }
}
