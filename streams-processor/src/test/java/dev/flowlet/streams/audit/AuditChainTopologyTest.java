package dev.flowlet.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.Topics;
import dev.flowlet.events.audit.AuditChain;
import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.ChainVerification;
import dev.flowlet.events.audit.ChainVerifier;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditChainTopologyTest {

  private static final String DEMO_PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIM4Tq2xq4wAZinKioqLSJq5Psqdl0XL71PGMsF13f1ue";
  private static final int EVERY = 5;
  private static final Duration INTERVAL = Duration.ofSeconds(60);
  private static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);
  private static final Instant START = Instant.parse("2026-11-26T07:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> audit;
  private final TestOutputTopic<String, AuditEvent> chained;
  private final TestOutputTopic<String, AuditCheckpoint> checkpoints;
  private final TestOutputTopic<String, DeadLetter> deadLetters;

  AuditChainTopologyTest() throws IOException {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "audit-chain-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("audit-chain").toString());
    driver =
        new TopologyTestDriver(
            AuditChainTopology.build(
                new CheckpointSigner("k1", CheckpointSignatures.privateKey(DEMO_PRIVATE_KEY)),
                EVERY,
                INTERVAL,
                DUPLICATE_WINDOW),
            config,
            START);
    audit =
        driver.createInputTopic(
            Topics.AUDIT.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    chained =
        driver.createOutputTopic(
            Topics.AUDIT_CHAINED.name(),
            Serdes.String().deserializer(),
            Topics.AUDIT_CHAINED.valueSerde().deserializer());
    checkpoints =
        driver.createOutputTopic(
            Topics.AUDIT_CHECKPOINTS.name(),
            Serdes.String().deserializer(),
            Topics.AUDIT_CHECKPOINTS.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DLQ.name(),
            Serdes.String().deserializer(),
            Topics.DLQ.valueSerde().deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void numbersEachChainContiguouslyAndLinksEveryEventToItsPredecessor() {
    for (int n = 1; n <= 3; n++) {
      send(event("api", "api-" + n));
      send(event("decisions", "decision-" + n));
    }

    List<AuditEvent> out = chained.readValuesToList();

    assertThat(out).hasSize(6);
    List<AuditEvent> api = out.stream().filter(e -> e.chainId().equals("api")).toList();
    List<AuditEvent> decisions = out.stream().filter(e -> e.chainId().equals("decisions")).toList();
    assertThat(api).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(decisions).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(api.getFirst().previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(api.get(1).previousHash()).isEqualTo(api.get(0).hash());
    assertThat(api.get(2).previousHash()).isEqualTo(api.get(1).hash());
    assertThat(api).allSatisfy(e -> assertThat(AuditChain.recomputedHash(e)).isEqualTo(e.hash()));
    assertThat(verify("api", api).intact()).isTrue();
    KeyValueStore<String, ChainState> heads = driver.getKeyValueStore(AuditChainStores.CHAIN_HEADS);
    assertThat(heads.get("api").sequence()).isEqualTo(3);
    assertThat(heads.get("api").hash()).isEqualTo(api.get(2).hash());
  }

  @Test
  void chainsAnEventThatTheRelayPublishedTwiceOnlyOnce() {
    AuditEvent first = event("api", "api-1");
    send(first);
    send(event("api", "api-2"));
    send(first);
    send(event("api", "api-3"));

    List<AuditEvent> out = chained.readValuesToList();

    assertThat(out).extracting(AuditEvent::eventId).containsExactly("api-1", "api-2", "api-3");
    assertThat(out).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L);
  }

  @Test
  void signsACheckpointAfterEveryNEventsOfAChain() {
    for (int n = 1; n <= EVERY * 2 + 1; n++) {
      send(event("api", "api-" + n));
    }
    send(event("decisions", "decision-1"));

    List<AuditEvent> out = chained.readValuesToList();
    List<AuditCheckpoint> signed = checkpoints.readValuesToList();

    assertThat(signed).extracting(AuditCheckpoint::sequence).containsExactly(5L, 10L);
    assertThat(signed).allSatisfy(c -> assertThat(c.chainId()).isEqualTo("api"));
    assertThat(signed.getFirst().headHash()).isEqualTo(out.get(4).hash());
    assertThat(CheckpointSignatures.verifies(signed.getFirst(), demoKey())).isTrue();
    List<AuditEvent> api = out.stream().filter(e -> e.chainId().equals("api")).toList();
    ChainVerification verification = verify("api", api, signed);
    assertThat(verification.intact()).isTrue();
    assertThat(verification.checkpointsVerified()).isEqualTo(2);
  }

  @Test
  void signsACheckpointOfEveryMovedChainOnTheIntervalAndNoneForAnIdleOne() {
    send(event("api", "api-1"));
    send(event("api", "api-2"));
    send(event("decisions", "decision-1"));

    driver.advanceWallClockTime(INTERVAL);
    List<AuditCheckpoint> first = checkpoints.readValuesToList();
    driver.advanceWallClockTime(INTERVAL);
    List<AuditCheckpoint> idle = checkpoints.readValuesToList();
    send(event("api", "api-3"));
    driver.advanceWallClockTime(INTERVAL);
    List<AuditCheckpoint> moved = checkpoints.readValuesToList();

    assertThat(first)
        .extracting(AuditCheckpoint::chainId, AuditCheckpoint::sequence)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("api", 2L),
            org.assertj.core.groups.Tuple.tuple("decisions", 1L));
    assertThat(first.getFirst().createdAt()).isEqualTo(START.plus(INTERVAL));
    assertThat(idle).isEmpty();
    assertThat(moved).extracting(AuditCheckpoint::sequence).containsExactly(3L);
  }

  @Test
  void sendsAnUnreadableAuditRecordToTheDeadLetterTopicAndKeepsChaining() {
    audit.pipeInput("api", "{not json".getBytes(StandardCharsets.UTF_8), START);
    send(event("api", "api-1"));

    assertThat(deadLetters.readValuesToList())
        .singleElement()
        .satisfies(letter -> assertThat(letter.sourceTopic()).isEqualTo(Topics.AUDIT.name()));
    assertThat(chained.readValuesToList()).extracting(AuditEvent::sequence).containsExactly(1L);
  }

  private void send(AuditEvent event) {
    audit.pipeInput(
        event.chainId(),
        Topics.AUDIT.valueSerde().serializer().serialize(Topics.AUDIT.name(), event),
        START);
  }

  private static AuditEvent event(String chain, String id) {
    return new AuditEvent(
        AuditEvent.SCHEMA_VERSION,
        id,
        chain,
        START,
        "demo-operator",
        "OPERATOR",
        "transaction.created",
        "transaction",
        "tx-" + id,
        null,
        "SUCCESS",
        "10.0.0.1",
        null,
        Map.of());
  }

  private static Map<String, java.security.PublicKey> demoKey() {
    return Map.of("k1", CheckpointSignatures.publicKey(AuditChainConfiguration.DEMO_PUBLIC_KEY));
  }

  private static ChainVerification verify(String chain, List<AuditEvent> events) {
    return verify(chain, events, List.of());
  }

  private static ChainVerification verify(
      String chain, List<AuditEvent> events, List<AuditCheckpoint> checkpoints) {
    ChainVerifier verifier = ChainVerifier.of(chain, checkpoints, demoKey());
    events.forEach(verifier::accept);
    return verifier.finish();
  }
}
