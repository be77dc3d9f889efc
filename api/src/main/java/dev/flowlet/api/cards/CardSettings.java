package dev.flowlet.api.cards;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that protect cardholder data. Public because the local-secrets guard checks them.
 *
 * <p>Generate a key with {@code openssl rand -base64 32}. To rotate: add a new key, make it active,
 * call {@code POST /api/v1/admin/card-keys/rotate} until it answers {@code "remaining": 0}, then
 * remove the old key. The API refuses to start while cards exist under a key id missing here.
 *
 * @param keys key-encryption keys by key id, each the base64 of 32 random bytes; from {@code
 *     FLOWLET_CARD_KEYS} as {@code id=base64[,id=base64...]} (a YAML map also works, but do not mix
 *     both forms: the map wins)
 * @param activeKeyId the key that wraps the data keys of new cards; {@code
 *     FLOWLET_CARD_ACTIVE_KEY_ID}
 * @param fingerprintKey the HMAC-SHA256 key of card fingerprints, base64 of 32 random bytes; {@code
 *     FLOWLET_CARD_FINGERPRINT_KEY}. Changing it makes stored cards unrecognisable to new requests
 * @param rotationBatchSize cards re-encrypted per database transaction during a rotation
 */
@ConfigurationProperties("flowlet.api.cards")
public record CardSettings(
    Map<String, String> keys,
    String activeKeyId,
    String fingerprintKey,
    @DefaultValue("500") int rotationBatchSize) {

  /** What the {@code local} profile's public demo keys contain, as the JWT secret does. */
  static final String PUBLIC_DEFAULT_MARKER = "local-only";

  public CardSettings {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
  }

  /**
   * The settings that still hold a public default of {@code application-local.yml}, by the
   * environment variable that replaces them; empty when every key is private.
   */
  public List<String> publicDefaults() {
    List<String> found = new ArrayList<>();
    keys.forEach(
        (id, key) -> {
          if (isPublicDefault(decode(id, key))) {
            found.add(
                CardKeyRing.KEY_ID.matcher(id).matches()
                    ? "FLOWLET_CARD_KEYS (key id " + id + ")"
                    : "FLOWLET_CARD_KEYS");
          }
        });
    if (fingerprintKey != null && isPublicDefault(decode("fingerprint-key", fingerprintKey))) {
      found.add("FLOWLET_CARD_FINGERPRINT_KEY");
    }
    return found;
  }

  /**
   * The key-encryption keys, checked.
   *
   * @throws IllegalStateException naming the setting at fault (never a key's value)
   */
  CardKeyRing keyRing() {
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          "flowlet.api.cards.keys must name at least one key: set FLOWLET_CARD_KEYS to"
              + " key-id=<base64 of 32 random bytes>, e.g. from openssl rand -base64 32");
    }
    if (activeKeyId == null || activeKeyId.isBlank()) {
      throw new IllegalStateException(
          "flowlet.api.cards.active-key-id must be set: set FLOWLET_CARD_ACTIVE_KEY_ID to one of "
              + keys.keySet().stream()
                  .filter(id -> CardKeyRing.KEY_ID.matcher(id).matches())
                  .toList());
    }
    if (rotationBatchSize < 1) {
      throw new IllegalStateException("flowlet.api.cards.rotation-batch-size must be positive");
    }
    Map<String, byte[]> material = new LinkedHashMap<>();
    keys.forEach((id, key) -> material.put(id, decode(id, key)));
    try {
      return CardKeyRing.of(material, activeKeyId);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("flowlet.api.cards.keys: " + e.getMessage(), e);
    }
  }

  /**
   * The fingerprint function, checked.
   *
   * @throws IllegalStateException when the key is missing or not 32 bytes of base64
   */
  CardFingerprints fingerprints() {
    if (fingerprintKey == null || fingerprintKey.isBlank()) {
      throw new IllegalStateException(
          "flowlet.api.cards.fingerprint-key must be set: set FLOWLET_CARD_FINGERPRINT_KEY to the"
              + " base64 of 32 random bytes");
    }
    try {
      return new CardFingerprints(decode("fingerprint-key", fingerprintKey));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("flowlet.api.cards.fingerprint-key: " + e.getMessage(), e);
    }
  }

  private static byte[] decode(String name, String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      String which = CardKeyRing.KEY_ID.matcher(name).matches() ? " '" + name + "'" : "";
      throw new IllegalStateException(
          "flowlet.api.cards: card key" + which + " is not valid base64");
    }
  }

  private static boolean isPublicDefault(byte[] key) {
    return new String(key, StandardCharsets.ISO_8859_1).contains(PUBLIC_DEFAULT_MARKER);
  }

  @Override
  public String toString() {
    return "CardSettings[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
  }
}
