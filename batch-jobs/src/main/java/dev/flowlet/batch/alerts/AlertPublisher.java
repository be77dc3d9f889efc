package dev.flowlet.batch.alerts;

import dev.flowlet.batch.jobs.OperatorFacingFailure;
import dev.flowlet.events.Alert;
import dev.flowlet.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes alerts that a job raised and waits for the broker's acknowledgement, so a job step that
 * raises an alert completes only once the alert is stored. Alert ids are deterministic (one per job
 * instance and cause), so a restarted step that raises the same alert again overwrites it
 * downstream instead of adding another.
 */
@Component
public class AlertPublisher {

  private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaTemplate<String, byte[]> kafka;
  private final Clock clock;

  AlertPublisher(KafkaTemplate<String, byte[]> kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
  }

  /**
   * Raises one alert.
   *
   * @param alertId deterministic id, also the record key
   * @param rule what raised it, e.g. {@code reconciliation.MISSING_IN_LEDGER}
   * @param accountId the ledger account concerned, if any
   * @throws AlertNotRaisedException when the broker did not acknowledge it in time
   */
  public void raise(
      String alertId,
      String rule,
      Alert.Severity severity,
      String detail,
      @Nullable String accountId) {
    Alert alert =
        new Alert(
            Alert.SCHEMA_VERSION,
            alertId,
            null,
            accountId,
            null,
            rule,
            severity,
            detail,
            clock.instant());
    byte[] value = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
    try {
      kafka
          .send(Topics.ALERTS.name(), alertId, value)
          .get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlertNotRaisedException(alertId, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new AlertNotRaisedException(alertId, e);
    }
  }

  /**
   * The broker did not acknowledge an alert; the step that raised it fails and can be restarted.
   */
  public static class AlertNotRaisedException extends RuntimeException
      implements OperatorFacingFailure {
    AlertNotRaisedException(String alertId, Throwable cause) {
      super("Alert " + alertId + " was not acknowledged by Kafka", cause);
    }
  }
}
