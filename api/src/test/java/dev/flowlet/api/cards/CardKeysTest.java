package dev.flowlet.api.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key settings, the key ring and fingerprints: what start-up accepts and refuses. */
class CardKeysTest {

  private static final String KEY_A = base64(32, 'a');
  private static final String KEY_B = base64(32, 'b');
  private static final String FINGERPRINT_KEY = base64(32, 'f');

  @Test
  void readsKeysFromOneEnvironmentVariable() {
    Map<String, String> keys =
        new CardKeysConverter().convert("2025-01=" + KEY_A + ", 2025-07=" + KEY_B);

    assertThat(keys).containsExactly(Map.entry("2025-01", KEY_A), Map.entry("2025-07", KEY_B));
    assertThat(settings(keys, "2025-07").keyRing().activeKeyId()).isEqualTo("2025-07");
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 33})
  void refusesAnEntryWithoutAKeyIdWithoutQuotingIt(int keyBytes) {
    String bareKey = base64(keyBytes, 'k'); // 32 bytes end in "=" padding, 33 bytes do not
    Map<String, String> keys = new CardKeysConverter().convert("a=" + KEY_A + "," + bareKey);

    assertThatThrownBy(() -> settings(keys, "a").keyRing())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key-id=base64")
        .hasMessageNotContaining(bareKey.substring(0, 20));
  }

  @Test
  void refusesAKeyThatIsNot32BytesNamingItsIdOnly() {
    String shortKey = base64(16, 's');

    assertThatThrownBy(() -> settings(Map.of("short", shortKey), "short").keyRing())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'short' must be 32 bytes")
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void refusesAKeyThatIsNotBase64() {
    assertThatThrownBy(() -> settings(Map.of("k", "not base64!"), "k").keyRing())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'k' is not valid base64");
  }

  @Test
  void refusesAnActiveKeyIdThatIsNotInTheRing() {
    assertThatThrownBy(() -> settings(Map.of("a", KEY_A), "b").keyRing())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'b' is not among the configured keys [a]");
  }

  @Test
  void explainsWhatToSetWhenNoKeysAreConfigured() {
    assertThatThrownBy(() -> settings(Map.of(), null).keyRing())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_CARD_KEYS");
    assertThatThrownBy(() -> new CardSettings(Map.of("a", KEY_A), "a", null, 500).fingerprints())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_CARD_FINGERPRINT_KEY");
  }

  @Test
  void showsKeyIdsButNoKeyMaterialInItsTextForm() {
    assertThat(settings(Map.of("a", KEY_A), "a").toString())
        .contains("[a]")
        .doesNotContain(KEY_A)
        .doesNotContain(FINGERPRINT_KEY);
  }

  @Test
  void fingerprintsTheSameCardAlikeAndDependOnTheKey() {
    CardNumber card = new CardNumber("4111111111111111");
    CardFingerprints fingerprints = settings(Map.of("a", KEY_A), "a").fingerprints();
    CardFingerprints otherKey = new CardFingerprints(Base64.getDecoder().decode(KEY_B));

    assertThat(fingerprints.of(card)).hasSize(64).isEqualTo(fingerprints.of(card));
    assertThat(fingerprints.of(new CardNumber("5555555555554444")))
        .isNotEqualTo(fingerprints.of(card));
    assertThat(otherKey.of(card)).isNotEqualTo(fingerprints.of(card));
  }

  private static CardSettings settings(Map<String, String> keys, String active) {
    return new CardSettings(keys, active, FINGERPRINT_KEY, 500);
  }

  private static String base64(int length, char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(length).getBytes());
  }
}
