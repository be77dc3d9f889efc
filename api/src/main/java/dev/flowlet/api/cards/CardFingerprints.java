package dev.flowlet.api.cards;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of card numbers (HMAC-SHA256 under a key of their own): the same card always
 * has the same fingerprint, so it is recognised without decrypting anything, while someone holding
 * the fingerprints but not the key cannot test guessed numbers against them, as they could against
 * a plain hash of the few billion plausible numbers.
 */
final class CardFingerprints {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  CardFingerprints(byte[] key) {
    if (key.length != CardKeyRing.KEY_BYTES) {
      throw new IllegalArgumentException(
          "the card fingerprint key must be " + CardKeyRing.KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** 64 hex digits. */
  String of(CardNumber card) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal(card.digits().getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
