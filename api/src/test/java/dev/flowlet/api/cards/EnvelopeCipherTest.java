package dev.flowlet.api.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] PAN = "4111111111111111".getBytes(StandardCharsets.US_ASCII);

  private final EnvelopeCipher cipher = new EnvelopeCipher(RANDOM);
  private final byte[] keyA = randomKey();
  private final byte[] keyB = randomKey();
  private final CardKeyRing ringA = CardKeyRing.of(Map.of("a", keyA), "a");
  private final UUID cardId = UUID.randomUUID();

  @Test
  void opensWhatItSealed() {
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, ringA);

    assertThat(cipher.open(sealed, cardId, ringA)).isEqualTo(PAN);
    assertThat(sealed.keyId()).isEqualTo("a");
  }

  @Test
  void neverStoresTheNumberOrTheDataKeyInClear() {
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, ringA);

    assertThat(indexOf(sealed.ciphertext(), PAN)).isEqualTo(-1);
    assertThat(sealed.ciphertext()).hasSize(1 + 12 + PAN.length + 16);
    assertThat(sealed.wrappedDataKey()).hasSize(1 + 12 + 32 + 16);
  }

  @Test
  void drawsAFreshDataKeyAndIvForEverySeal() {
    EnvelopeCipher.Sealed first = cipher.seal(PAN, cardId, ringA);
    EnvelopeCipher.Sealed second = cipher.seal(PAN, cardId, ringA);

    assertThat(second.wrappedDataKey()).isNotEqualTo(first.wrappedDataKey());
    assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
  }

  @Test
  void detectsAFlippedCiphertextByte() {
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, ringA);
    for (int i = 1; i < sealed.ciphertext().length; i++) {
      byte[] altered = sealed.ciphertext().clone();
      altered[i] ^= 0x01;
      var tampered = new EnvelopeCipher.Sealed("a", sealed.wrappedDataKey(), altered);

      assertThatThrownBy(() -> cipher.open(tampered, cardId, ringA))
          .isInstanceOf(EnvelopeCipher.TamperedCardException.class)
          .hasMessageContaining(cardId.toString());
    }
  }

  @Test
  void detectsAFlippedWrappedKeyByte() {
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, ringA);
    byte[] altered = sealed.wrappedDataKey().clone();
    altered[20] ^= (byte) 0x80;

    assertThatThrownBy(
            () ->
                cipher.open(
                    new EnvelopeCipher.Sealed("a", altered, sealed.ciphertext()), cardId, ringA))
        .isInstanceOf(EnvelopeCipher.TamperedCardException.class);
  }

  @Test
  void refusesACiphertextMovedToAnotherCardRow() {
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, ringA);

    assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID(), ringA))
        .isInstanceOf(EnvelopeCipher.TamperedCardException.class);
  }

  @Test
  void refusesANumberSwappedBetweenTwoCardRows() {
    UUID otherId = UUID.randomUUID();
    EnvelopeCipher.Sealed mine = cipher.seal(PAN, cardId, ringA);
    EnvelopeCipher.Sealed other =
        cipher.seal("5555555555554444".getBytes(StandardCharsets.US_ASCII), otherId, ringA);
    var swapped = new EnvelopeCipher.Sealed("a", mine.wrappedDataKey(), other.ciphertext());

    assertThatThrownBy(() -> cipher.open(swapped, cardId, ringA))
        .isInstanceOf(EnvelopeCipher.TamperedCardException.class);
  }

  @Test
  void refusesAWrappedKeyRelabelledWithAnotherKeyId() {
    CardKeyRing sameKeyTwice = CardKeyRing.of(Map.of("a", keyA, "a2", keyA), "a");
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, sameKeyTwice);
    var relabelled = new EnvelopeCipher.Sealed("a2", sealed.wrappedDataKey(), sealed.ciphertext());

    assertThatThrownBy(() -> cipher.open(relabelled, cardId, sameKeyTwice))
        .isInstanceOf(EnvelopeCipher.TamperedCardException.class);
  }

  @Test
  void refusesToOpenUnderTheWrongKey() {
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, ringA);
    CardKeyRing impostor = CardKeyRing.of(Map.of("a", keyB), "a");

    assertThatThrownBy(() -> cipher.open(sealed, cardId, impostor))
        .isInstanceOf(EnvelopeCipher.TamperedCardException.class);
  }

  @Test
  void namesTheMissingKeyIdWhenTheRingLacksIt() {
    EnvelopeCipher.Sealed sealed = cipher.seal(PAN, cardId, ringA);
    CardKeyRing onlyB = CardKeyRing.of(Map.of("b", keyB), "b");

    assertThatThrownBy(() -> cipher.open(sealed, cardId, onlyB))
        .isInstanceOf(CardKeyRing.MissingCardKeyException.class)
        .hasMessageContaining("'a'");
  }

  @Test
  void resealsUnderTheActiveKeyWithANewDataKeySoTheOldKeyCanGo() {
    EnvelopeCipher.Sealed underA = cipher.seal(PAN, cardId, ringA);
    CardKeyRing bActiveAStillPresent = CardKeyRing.of(Map.of("a", keyA, "b", keyB), "b");

    EnvelopeCipher.Sealed underB = cipher.reseal(underA, cardId, bActiveAStillPresent);

    assertThat(underB.keyId()).isEqualTo("b");
    assertThat(underB.wrappedDataKey()).isNotEqualTo(underA.wrappedDataKey());
    assertThat(underB.ciphertext()).isNotEqualTo(underA.ciphertext());
    CardKeyRing onlyB = CardKeyRing.of(Map.of("b", keyB), "b");
    assertThat(cipher.open(underB, cardId, onlyB)).isEqualTo(PAN);
    assertThatThrownBy(() -> cipher.open(underA, cardId, onlyB))
        .isInstanceOf(CardKeyRing.MissingCardKeyException.class);
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
