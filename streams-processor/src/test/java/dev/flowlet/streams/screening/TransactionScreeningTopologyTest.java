package dev.flowlet.streams.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.Topic;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.streams.rules.LargeAmountRule;
import dev.flowlet.streams.rules.RiskScoring;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionScreeningTopologyTest {

  private static final BigDecimal THRESHOLD = new BigDecimal("10000.00");
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> transactions;
  private TestOutputTopic<String, RiskDecision> decisions;
  private TestOutputTopic<String, Alert> alerts;
  private TestOutputTopic<String, AuditEvent> audit;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    Screening screening =
        new Screening(
            new LargeAmountRule(THRESHOLD, 60, Alert.Severity.HIGH),
            new RiskScoring(50, 100),
            Clock.fixed(NOW, ZoneOffset.UTC));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "screening-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(TransactionScreeningTopology.build(screening), config);
    transactions =
        driver.createInputTopic(
            Topics.TRANSACTIONS.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    decisions = output(Topics.RISK_DECISIONS);
    alerts = output(Topics.ALERTS);
    audit = output(Topics.AUDIT);
    deadLetters = output(Topics.DLQ);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void flagsAnAmountExactlyAtTheLargeAmountThreshold() {
    send(transaction("tx-1", THRESHOLD));

    RiskDecision decision = decisions.readValue();
    assertThat(decision.transactionId()).isEqualTo("tx-1");
    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.REVIEW);
    assertThat(decision.score()).isEqualTo(60);
    assertThat(decision.reasons())
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.rule()).isEqualTo(LargeAmountRule.ID);
              assertThat(reason.detail())
                  .contains("10000.00 EUR")
                  .contains("threshold of 10000.00");
            });
    Alert alert = alerts.readValue();
    assertThat(alert.rule()).isEqualTo(LargeAmountRule.ID);
    assertThat(alert.severity()).isEqualTo(Alert.Severity.HIGH);
    assertThat(alert.transactionId()).isEqualTo("tx-1");
  }

  @Test
  void approvesJustBelowTheThresholdWithoutAnAlert() {
    send(transaction("tx-2", new BigDecimal("9999.99")));

    RiskDecision decision = decisions.readValue();
    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.APPROVE);
    assertThat(decision.reasons()).isEmpty();
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void keysDecisionsByTransactionAndAuditsEveryDecisionOnItsChain() {
    send(transaction("tx-3", new BigDecimal("15000.00")));

    var decision = decisions.readKeyValue();
    assertThat(decision.key).isEqualTo("tx-3");
    var event = audit.readKeyValue();
    assertThat(event.key).isEqualTo(Screening.DECISION_CHAIN);
    assertThat(event.value.action()).isEqualTo("risk.decided");
    assertThat(event.value.resourceId()).isEqualTo("tx-3");
    assertThat(event.value.subjectId()).isEqualTo("cus-1");
    assertThat(event.value.details()).containsEntry("rules", LargeAmountRule.ID);
  }

  @Test
  void givesTheSameIdsWhenATransactionIsScreenedTwice() {
    send(transaction("tx-4", new BigDecimal("20000.00")));
    send(transaction("tx-4", new BigDecimal("20000.00")));

    assertThat(decisions.readValue().decisionId()).isEqualTo(decisions.readValue().decisionId());
    assertThat(alerts.readValue().alertId()).isEqualTo(alerts.readValue().alertId());
    assertThat(audit.readValue().eventId()).isEqualTo(audit.readValue().eventId());
  }

  @Test
  void sendsAPoisonRecordToTheDeadLetterTopicAndGoesOn() {
    transactions.pipeInput("acc-1", "{not json".getBytes(StandardCharsets.UTF_8));
    send(transaction("tx-5", new BigDecimal("1.00")));

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.sourceTopic()).isEqualTo(Topics.TRANSACTIONS.name());
    assertThat(letter.offset()).isZero();
    assertThat(letter.value()).isEqualTo("{not json");
    assertThat(letter.error()).contains("TransactionRecorded");
    assertThat(decisions.readValue().transactionId()).isEqualTo("tx-5");
  }

  @Test
  void deadLettersARecordThatLacksWhatTheRulesNeed() {
    transactions.pipeInput(
        "acc-1",
        "{\"schemaVersion\":1,\"transactionId\":\"tx-6\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(deadLetters.readValue().error()).contains("lacks");
    assertThat(decisions.isEmpty()).isTrue();
  }

  private void send(TransactionRecorded transaction) {
    transactions.pipeInput(
        transaction.accountId(),
        Topics.TRANSACTIONS.valueSerde().serializer().serialize("t", transaction));
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  private static TransactionRecorded transaction(String id, BigDecimal amount) {
    return new TransactionRecorded(
        TransactionRecorded.SCHEMA_VERSION,
        "evt-" + id,
        id,
        "acc-1",
        "cus-1",
        "TRANSFER",
        amount,
        "EUR",
        NOW.minusSeconds(60),
        NOW.minusSeconds(59),
        new TransactionRecorded.Counterparty("ACME Ltd", "DE"),
        new TransactionRecorded.Channel("DE", "device-1"));
  }
}
