package dev.flowlet.events.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ChainVerifierTest {

  private static final Map<String, PublicKey> KEYS =
      Map.of("k1", CheckpointSignatures.publicKey(AuditEvents.PUBLIC_KEY));
  private final List<AuditEvent> chain = AuditEvents.chain(10);

  @Test
  void findsNothingInAnIntactChainAndCountsItsCheckpoints() {
    ChainVerification verification =
        verify(chain, List.of(checkpointAt(5, AuditEvents.PRIVATE_KEY), checkpointAt(10, null)));

    assertThat(verification.intact()).isTrue();
    assertThat(verification.eventsVerified()).isEqualTo(10);
    assertThat(verification.checkpointsVerified()).isEqualTo(2);
    assertThat(verification.lastSequence()).isEqualTo(10);
  }

  @Test
  void findsAnAlteredEventAtItsSequence() {
    List<AuditEvent> tampered = new ArrayList<>(chain);
    AuditEvent fourth = chain.get(3);
    tampered.set(3, withActor(fourth, "someone-else"));

    ChainBreak found = verify(tampered, List.of()).firstBreak();

    assertThat(found.kind()).isEqualTo(BreakKind.ALTERED);
    assertThat(found.sequence()).isEqualTo(4);
    assertThat(found.eventId()).isEqualTo(fourth.eventId());
  }

  @Test
  void findsAnAlteredEventWhoseHashWasRecomputedByItsBrokenLink() {
    List<AuditEvent> tampered = new ArrayList<>(chain);
    AuditEvent fourth = withActor(chain.get(3), "someone-else");
    tampered.set(
        3,
        fourth.chained(
            4, fourth.previousHash(), AuditChain.hash(fourth, 4, fourth.previousHash())));

    ChainBreak found = verify(tampered, List.of()).firstBreak();

    assertThat(found.kind()).isEqualTo(BreakKind.ALTERED);
    assertThat(found.sequence()).isEqualTo(4);
    assertThat(found.eventId()).isEqualTo(chain.get(3).eventId());
  }

  @Test
  void findsAChainRewrittenConsistentlyAfterACheckpointWasSigned() {
    List<AuditEvent> rewritten = new ArrayList<>();
    ChainHead head = ChainHead.EMPTY;
    for (AuditEvent event : chain) {
      AuditEvent changed =
          AuditChain.link(event.sequence() == 2 ? withActor(event, "someone-else") : event, head);
      rewritten.add(changed);
      head = new ChainHead(changed.sequence(), changed.hash());
    }

    ChainBreak found =
        verify(rewritten, List.of(checkpointAt(5, AuditEvents.PRIVATE_KEY))).firstBreak();

    assertThat(found.kind()).isEqualTo(BreakKind.ALTERED);
    assertThat(found.sequence()).isEqualTo(5);
  }

  @Test
  void findsAMissingEventAndTheFirstEventAfterTheGap() {
    List<AuditEvent> gap = new ArrayList<>(chain);
    gap.remove(6);

    ChainBreak found = verify(gap, List.of()).firstBreak();

    assertThat(found.kind()).isEqualTo(BreakKind.MISSING);
    assertThat(found.sequence()).isEqualTo(7);
    assertThat(found.eventId()).isEqualTo(chain.get(7).eventId());
  }

  @Test
  void findsATruncatedChainByItsLastCheckpoint() {
    ChainBreak found =
        verify(chain.subList(0, 8), List.of(checkpointAt(10, AuditEvents.PRIVATE_KEY)))
            .firstBreak();

    assertThat(found.kind()).isEqualTo(BreakKind.MISSING);
    assertThat(found.sequence()).isEqualTo(9);
  }

  @Test
  void findsReorderedEvents() {
    List<AuditEvent> swapped = new ArrayList<>(chain);
    swapped.set(4, chain.get(5));
    swapped.set(5, chain.get(4));

    ChainBreak found = verify(swapped, List.of()).firstBreak();

    assertThat(found.kind()).isEqualTo(BreakKind.REORDERED);
    assertThat(found.sequence()).isEqualTo(5);
  }

  @Test
  void findsAnEventRelinkedToAnOlderOne() {
    List<AuditEvent> relinked = new ArrayList<>(chain.subList(0, 6));
    AuditEvent moved =
        AuditChain.link(AuditEvents.transactionCreated(7), new ChainHead(6, chain.get(2).hash()));
    relinked.add(
        moved.chained(7, chain.get(2).hash(), AuditChain.hash(moved, 7, chain.get(2).hash())));

    ChainBreak found = verify(relinked, List.of()).firstBreak();

    assertThat(found.kind()).isEqualTo(BreakKind.REORDERED);
    assertThat(found.sequence()).isEqualTo(7);
  }

  @Test
  void findsACheckpointWithABadSignatureAndOneWithout() {
    ChainBreak forged =
        verify(chain, List.of(checkpointAt(5, AuditEvents.OTHER_PRIVATE_KEY))).firstBreak();
    AuditCheckpoint signed = checkpointAt(5, AuditEvents.PRIVATE_KEY);
    AuditCheckpoint stripped =
        new AuditCheckpoint(
            1, "api", 5, signed.headHash(), signed.createdAt(), signed.keyId(), null);
    ChainBreak unsigned = verify(chain, List.of(stripped)).firstBreak();

    assertThat(forged.kind()).isEqualTo(BreakKind.BAD_CHECKPOINT);
    assertThat(forged.sequence()).isEqualTo(5);
    assertThat(unsigned.kind()).isEqualTo(BreakKind.UNSIGNED);
  }

  @Test
  void reportsOnlyTheFirstBreak() {
    List<AuditEvent> tampered = new ArrayList<>(chain);
    tampered.set(2, withActor(chain.get(2), "x"));
    tampered.remove(8);

    ChainVerification verification = verify(tampered, List.of());

    assertThat(verification.firstBreak().kind()).isEqualTo(BreakKind.ALTERED);
    assertThat(verification.firstBreak().sequence()).isEqualTo(3);
    assertThat(verification.eventsVerified()).isEqualTo(2);
  }

  private ChainVerification verify(List<AuditEvent> events, List<AuditCheckpoint> checkpoints) {
    ChainVerifier verifier = ChainVerifier.of("api", checkpoints, KEYS);
    for (AuditEvent event : events) {
      if (!verifier.accept(event)) {
        break;
      }
    }
    return verifier.finish();
  }

  /** A checkpoint of the intact chain at {@code sequence}; the demo key when none is named. */
  private AuditCheckpoint checkpointAt(int sequence, String privateKey) {
    return CheckpointSignatures.sign(
        "api",
        new ChainHead(sequence, chain.get(sequence - 1).hash()),
        Instant.parse("2026-11-26T07:00:00Z"),
        "k1",
        CheckpointSignatures.privateKey(privateKey == null ? AuditEvents.PRIVATE_KEY : privateKey));
  }

  /** The event with its actor rewritten in its stored JSON, hash untouched: a tampered copy. */
  private static AuditEvent withActor(AuditEvent e, String actor) {
    var json = (ObjectNode) EventJson.mapper().valueToTree(e);
    json.put("actor", actor);
    return EventJson.mapper().treeToValue(json, AuditEvent.class);
  }
}
