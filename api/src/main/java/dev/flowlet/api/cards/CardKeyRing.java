package dev.flowlet.api.cards;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs) that wrap card data keys, by key id, and the one that wraps new
 * ones. Older keys stay in the ring until every card was re-encrypted under the active key.
 */
final class CardKeyRing {

  static final int KEY_BYTES = 32;

  /** Short enough that a base64 AES-256 key (43 characters or more) never passes for an id. */
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;

  private CardKeyRing(Map<String, SecretKey> keys, String activeKeyId) {
    this.keys = keys;
    this.activeKeyId = activeKeyId;
  }

  /**
   * A ring of AES-256 keys.
   *
   * @throws IllegalArgumentException when a key id is malformed, a key is not 32 bytes, or the
   *     active key id is not in the ring; messages name key ids, never key material
   */
  static CardKeyRing of(Map<String, byte[]> keys, String activeKeyId) {
    Map<String, SecretKey> ring = new LinkedHashMap<>();
    keys.forEach(
        (id, material) -> {
          if (!KEY_ID.matcher(id).matches()) {
            // Not quoted: a malformed entry may hold key material where the id should be.
            throw new IllegalArgumentException(
                "every entry must read key-id=base64, with a key id of 1 to 32 letters, digits,"
                    + " '.', '_' or '-'");
          }
          if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "card key '" + id + "' must be " + KEY_BYTES + " bytes (AES-256)");
          }
          ring.put(id, new SecretKeySpec(Arrays.copyOf(material, material.length), "AES"));
        });
    if (activeKeyId == null || !ring.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "the active card key id '"
              + activeKeyId
              + "' is not among the configured keys "
              + ring.keySet());
    }
    return new CardKeyRing(Map.copyOf(ring), activeKeyId);
  }

  String activeKeyId() {
    return activeKeyId;
  }

  SecretKey active() {
    return keys.get(activeKeyId);
  }

  /**
   * @throws MissingCardKeyException when the ring has no key with this id
   */
  SecretKey get(String keyId) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new MissingCardKeyException(keyId);
    }
    return key;
  }

  Set<String> keyIds() {
    return keys.keySet();
  }

  /** Card data sealed under a key id that the ring does not hold. */
  static final class MissingCardKeyException extends IllegalStateException {

    MissingCardKeyException(String keyId) {
      super("card key '" + keyId + "' is not configured in flowlet.api.cards.keys");
    }
  }
}
