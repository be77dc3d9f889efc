package dev.flowlet.events.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AuditChainTest {

  private final AuditEvent event = AuditEvents.transactionCreated(1);

  @Test
  void writesTheDocumentedCanonicalForm() {
    String canonical =
        new String(AuditChain.canonicalForm(event, 1, AuditChain.GENESIS), StandardCharsets.UTF_8);

    assertThat(canonical)
        .isEqualTo(
            """
            flowlet-audit-chain-v1
            schemaVersion=2
            eventId=7:event-1
            chainId=3:api
            occurredAt=27:2026-11-26T06:00:01.123456Z
            actor=13:demo-operator
            role=8:OPERATOR
            action=19:transaction.created
            resourceType=11:transaction
            resourceId=4:tx-1
            subjectId=10:customer-7
            outcome=7:SUCCESS
            sourceIp=8:10.0.0.1
            requestId=9:request-1
            details=2
            6:amount=5:12.00
            8:currency=3:EUR
            sequence=1
            previousHash=64:%s
            """
                .formatted(AuditChain.GENESIS));
  }

  @Test
  void keepsTheSameHashAcrossReleases() {
    // Pinned: a change here breaks every stored chain; introduce a new canonical version instead.
    assertThat(AuditChain.hash(event, 1, AuditChain.GENESIS))
        .isEqualTo(AuditChain.hash(event, 1, AuditChain.GENESIS))
        .isEqualTo(PINNED_HASH);
  }

  @Test
  void hashesTheSameEventAlikeWhateverTheOrderOfItsDetailsAndAfterAJsonRoundTrip() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("currency", "EUR");
    reversed.put("amount", "12.00");
    AuditEvent sameDetails = with(e -> copy(e, reversed));
    AuditEvent roundTripped =
        EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(event), AuditEvent.class);

    assertThat(AuditChain.hash(sameDetails, 1, AuditChain.GENESIS)).isEqualTo(PINNED_HASH);
    assertThat(AuditChain.hash(roundTripped, 1, AuditChain.GENESIS)).isEqualTo(PINNED_HASH);
  }

  @Test
  void changesTheHashWhenAnyFieldChanges() {
    ObjectNode original = EventJson.mapper().valueToTree(event);
    List<String> contentFields =
        List.of(
            "eventId",
            "chainId",
            "actor",
            "role",
            "action",
            "resourceType",
            "resourceId",
            "subjectId",
            "outcome",
            "sourceIp",
            "requestId");
    for (String field : contentFields) {
      ObjectNode changed = original.deepCopy();
      changed.put(field, original.get(field).asString() + "x");
      assertThat(hashOf(changed)).as(field).isNotEqualTo(PINNED_HASH);
      changed.putNull(field);
      assertThat(hashOf(changed)).as(field + " null").isNotEqualTo(PINNED_HASH);
    }
    ObjectNode later = original.deepCopy();
    later.put("occurredAt", "2026-11-26T06:00:01.123457Z");
    assertThat(hashOf(later)).isNotEqualTo(PINNED_HASH);
    ObjectNode version = original.deepCopy();
    version.put("schemaVersion", 1);
    assertThat(hashOf(version)).isNotEqualTo(PINNED_HASH);
    Map<String, String> details = new HashMap<>(event.details());
    details.put("amount", "12.01");
    assertThat(AuditChain.hash(copy(event, details), 1, AuditChain.GENESIS))
        .isNotEqualTo(PINNED_HASH);
    details.put("note", "");
    assertThat(AuditChain.hash(copy(event, details), 1, AuditChain.GENESIS))
        .isNotEqualTo(PINNED_HASH);
    assertThat(AuditChain.hash(event, 2, AuditChain.GENESIS)).isNotEqualTo(PINNED_HASH);
    assertThat(AuditChain.hash(event, 1, "1" + AuditChain.GENESIS.substring(1)))
        .isNotEqualTo(PINNED_HASH);
  }

  @Test
  void cannotBeFooledByMovingTextBetweenFields() {
    AuditEvent a = with(e -> copy(e, Map.of("a", "b=c")));
    AuditEvent b = with(e -> copy(e, Map.of("a=b", "c")));

    assertThat(AuditChain.hash(a, 1, AuditChain.GENESIS))
        .isNotEqualTo(AuditChain.hash(b, 1, AuditChain.GENESIS));
  }

  @Test
  void linksEachEventToItsPredecessorWithContiguousSequences() {
    List<AuditEvent> chain = AuditEvents.chain(3);

    assertThat(chain).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(chain.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
    assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
    assertThat(chain.get(0).hash()).isEqualTo(PINNED_HASH).hasSize(64);
    assertThat(chain).allSatisfy(e -> assertThat(AuditChain.recomputedHash(e)).isEqualTo(e.hash()));
  }

  private static final String PINNED_HASH =
      "2a0392423cc00a5a22d9aae6d874c435beaea73df981f372c6d9aa6aeec7e33a";

  private AuditEvent with(UnaryOperator<AuditEvent> change) {
    return change.apply(event);
  }

  private static AuditEvent copy(AuditEvent e, Map<String, String> details) {
    return new AuditEvent(
        e.schemaVersion(),
        e.eventId(),
        e.chainId(),
        e.occurredAt(),
        e.actor(),
        e.role(),
        e.action(),
        e.resourceType(),
        e.resourceId(),
        e.subjectId(),
        e.outcome(),
        e.sourceIp(),
        e.requestId(),
        details);
  }

  private static String hashOf(ObjectNode json) {
    return AuditChain.hash(
        EventJson.mapper().treeToValue(json, AuditEvent.class), 1, AuditChain.GENESIS);
  }
}
