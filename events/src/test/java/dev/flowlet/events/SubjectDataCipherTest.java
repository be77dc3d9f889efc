package dev.flowlet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubjectDataCipherTest {

  private final SubjectDataCipher cipher = new SubjectDataCipher(new SecureRandom());
  private final byte[] aliceKey = key(1);
  private final byte[] bobKey = key(2);

  @Test
  void opensWhatItSealedForTheSameSubjectAndField() {
    SealedValue sealed = cipher.seal(aliceKey, "alice", "channel.deviceId", "phone-of-alice");

    assertThat(sealed.ciphertext()).doesNotContain("phone-of-alice");
    assertThat(sealed.keyVersion()).isEqualTo(SubjectDataCipher.KEY_VERSION);
    assertThat(SubjectDataCipher.open(aliceKey, sealed, "channel.deviceId"))
        .isEqualTo("phone-of-alice");
  }

  @Test
  void refusesToOpenWithAnotherKeyOrForAnotherField() {
    SealedValue sealed = cipher.seal(aliceKey, "alice", "channel.deviceId", "phone-of-alice");

    assertThatThrownBy(() -> SubjectDataCipher.open(bobKey, sealed, "channel.deviceId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("phone-of-alice");
    assertThatThrownBy(() -> SubjectDataCipher.open(aliceKey, sealed, "counterparty.name"))
        .isInstanceOf(IllegalArgumentException.class);
    SealedValue moved = new SealedValue("bob", 1, sealed.nonce(), sealed.ciphertext());
    assertThatThrownBy(() -> SubjectDataCipher.open(aliceKey, moved, "channel.deviceId"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pseudonymsAreStablePerSubjectAndUnlinkableAcrossSubjects() {
    String first = SubjectDataCipher.pseudonym(aliceKey, "device", "laptop-1");

    assertThat(SubjectDataCipher.pseudonym(aliceKey, "device", "laptop-1")).isEqualTo(first);
    assertThat(SubjectDataCipher.pseudonym(aliceKey, "device", "laptop-2")).isNotEqualTo(first);
    assertThat(SubjectDataCipher.pseudonym(bobKey, "device", "laptop-1")).isNotEqualTo(first);
    assertThat(first).hasSize(64).doesNotContain("laptop");
  }

  @Test
  void readsVersionOneTransactionsWithTheDeviceInClear() {
    String v1 =
        """
        {"schemaVersion":1,"eventId":"e","transactionId":"t","accountId":"a","customerId":"c",
         "type":"DEPOSIT","amount":"1.00","currency":"EUR",
         "counterparty":{"name":"Acme","country":"NL"},
         "channel":{"country":"NL","deviceId":"laptop-1"}}
        """;

    TransactionRecorded event = EventJson.mapper().readValue(v1, TransactionRecorded.class);

    assertThat(event.channel().deviceKey()).isEqualTo("laptop-1");
    assertThat(event.counterparty().name()).isEqualTo("Acme");
    assertThat(event.counterparty().sealedName()).isNull();
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[SubjectDataCipher.KEY_BYTES];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
