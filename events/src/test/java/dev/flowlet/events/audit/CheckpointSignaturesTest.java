package dev.flowlet.events.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointSignaturesTest {

  private static final Map<String, PublicKey> KEYS =
      Map.of("k1", CheckpointSignatures.publicKey(AuditEvents.PUBLIC_KEY));
  private final ChainHead head = new ChainHead(1000, "ab".repeat(32));
  private final Instant at = Instant.parse("2026-11-26T06:30:00Z");

  @Test
  void verifiesACheckpointSignedWithTheConfiguredKey() {
    AuditCheckpoint checkpoint = signedBy(AuditEvents.PRIVATE_KEY, "k1");

    assertThat(checkpoint.sequence()).isEqualTo(1000);
    assertThat(checkpoint.headHash()).isEqualTo(head.hash());
    assertThat(CheckpointSignatures.verifies(checkpoint, KEYS)).isTrue();
  }

  @Test
  void rejectsACheckpointSignedWithAnotherKey() {
    AuditCheckpoint checkpoint = signedBy(AuditEvents.OTHER_PRIVATE_KEY, "k1");

    assertThat(CheckpointSignatures.verifies(checkpoint, KEYS)).isFalse();
  }

  @Test
  void rejectsACheckpointWhoseHeadOrSequenceWasChangedAfterSigning() {
    AuditCheckpoint signed = signedBy(AuditEvents.PRIVATE_KEY, "k1");
    AuditCheckpoint otherHead =
        new AuditCheckpoint(1, "api", 1000, "cd".repeat(32), at, "k1", signed.signature());
    AuditCheckpoint otherSequence =
        new AuditCheckpoint(1, "api", 999, head.hash(), at, "k1", signed.signature());

    assertThat(CheckpointSignatures.verifies(otherHead, KEYS)).isFalse();
    assertThat(CheckpointSignatures.verifies(otherSequence, KEYS)).isFalse();
  }

  @Test
  void rejectsAnUnknownKeyIdAndAMissingOrGarbledSignature() {
    AuditCheckpoint unknownKey = signedBy(AuditEvents.PRIVATE_KEY, "k2");
    AuditCheckpoint unsigned = new AuditCheckpoint(1, "api", 1000, head.hash(), at, "k1", null);
    AuditCheckpoint garbled =
        new AuditCheckpoint(1, "api", 1000, head.hash(), at, "k1", "not base64!");

    assertThat(CheckpointSignatures.verifies(unknownKey, KEYS)).isFalse();
    assertThat(CheckpointSignatures.verifies(unsigned, KEYS)).isFalse();
    assertThat(CheckpointSignatures.verifies(garbled, KEYS)).isFalse();
  }

  @Test
  void refusesAKeyThatIsNotEd25519() {
    assertThatThrownBy(() -> CheckpointSignatures.privateKey("bm90IGEga2V5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("bm90");
  }

  private AuditCheckpoint signedBy(String privateKey, String keyId) {
    return CheckpointSignatures.sign(
        "api", head, at, keyId, CheckpointSignatures.privateKey(privateKey));
  }

  @Test
  void readsPublicKeysByIdFromConfigurationText() {
    Map<String, PublicKey> keys =
        CheckpointSignatures.publicKeys(
            "k1:" + AuditEvents.PUBLIC_KEY + ", old:" + AuditEvents.PUBLIC_KEY);

    assertThat(keys).containsOnlyKeys("k1", "old");
    assertThat(CheckpointSignatures.verifies(signedBy(AuditEvents.PRIVATE_KEY, "old"), keys))
        .isTrue();
    assertThat(CheckpointSignatures.publicKeys(" ")).isEmpty();
    assertThatThrownBy(() -> CheckpointSignatures.publicKeys("no-colon"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
