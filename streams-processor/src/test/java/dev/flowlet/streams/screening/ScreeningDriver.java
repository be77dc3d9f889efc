package dev.flowlet.streams.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.events.Topic;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.streams.rules.RiskScoring;
import dev.flowlet.streams.rules.RuleCompiler;
import dev.flowlet.streams.rules.RuleEngine;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import dev.flowlet.streams.rules.travel.CountryCentroids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The screening topology in a {@link TopologyTestDriver}, wired like the app with its default
 * settings (grace PT1H, alert window P1D), a fixed clock, and the shipped sample sanctions list
 * unless told otherwise.
 */
final class ScreeningDriver implements AutoCloseable {

  static final Duration GRACE = Duration.ofHours(1);
  static final Duration ALERT_WINDOW = Duration.ofDays(1);
  static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> transactions;
  private final TestInputTopic<String, byte[]> rules;
  private final TestOutputTopic<String, RiskDecision> decisions;
  private final TestOutputTopic<String, Alert> alerts;
  private final TestOutputTopic<String, AuditEvent> audit;
  private final TestOutputTopic<String, DeadLetter> deadLetters;

  ScreeningDriver() {
    this(SanctionsListFile.bundledSample(), false);
  }

  ScreeningDriver(SanctionsListFile sanctions, boolean firstDeviceIsNew) {
    Screening screening =
        new Screening(
            new RuleCompiler(
                new ReportingCurrency("EUR", ScreeningSettings.REFERENCE_RATES),
                CountryCentroids.bundled(),
                sanctions,
                firstDeviceIsNew),
            new RuleEngine(GRACE, ALERT_WINDOW, 16, 1000),
            new RiskScoring(50, 100),
            Clock.fixed(NOW, ZoneOffset.UTC));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "screening-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
    driver = new TopologyTestDriver(TransactionScreeningTopology.build(screening), config);
    transactions =
        driver.createInputTopic(
            Topics.TRANSACTIONS.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    rules =
        driver.createInputTopic(
            Topics.RULES.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    decisions = output(Topics.RISK_DECISIONS);
    alerts = output(Topics.ALERTS);
    audit = output(Topics.AUDIT);
    deadLetters = output(Topics.DLQ);
  }

  /** Screens one transaction and returns its one decision. */
  RiskDecision screen(Tx transaction) {
    return screen(transaction.build());
  }

  RiskDecision screen(TransactionRecorded transaction) {
    send(transaction);
    List<RiskDecision> decided = decisions.readValuesToList();
    assertThat(decided).as("decisions for one transaction").hasSize(1);
    return decided.getFirst();
  }

  /** Sends a transaction whose decision the test does not look at. */
  void send(TransactionRecorded transaction) {
    transactions.pipeInput(
        transaction.accountId(),
        Topics.TRANSACTIONS.valueSerde().serializer().serialize("t", transaction));
  }

  void sendRaw(String key, byte[] value) {
    transactions.pipeInput(key, value);
  }

  void publish(RuleDefinition definition) {
    publishRaw(
        definition.rule(), Topics.RULES.valueSerde().serializer().serialize("t", definition));
  }

  void publishRaw(String key, byte[] value) {
    rules.pipeInput(key, value);
  }

  List<RiskDecision> decisions() {
    return decisions.readValuesToList();
  }

  List<Alert> alerts() {
    return alerts.readValuesToList();
  }

  List<AuditEvent> audit() {
    return audit.readValuesToList();
  }

  List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  KeyValueStore<String, AccountHistory> accountHistory() {
    return driver.getKeyValueStore(ScreeningStores.ACCOUNT_HISTORY);
  }

  KeyValueStore<String, CustomerHistory> customerHistory() {
    return driver.getKeyValueStore(ScreeningStores.CUSTOMER_HISTORY);
  }

  /**
   * A fresh state folder, on tmpfs where there is one: the driver commits, and so flushes RocksDB
   * to disk, after every record, which on a busy disk costs far more than the screening.
   */
  private static Path stateDir() {
    try {
      Path shm = Path.of("/dev/shm");
      return Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, "flowlet-screening-test")
          : Files.createTempDirectory("flowlet-screening-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  @Override
  public void close() {
    driver.close();
  }
}
