package dev.flowlet.api.subjectkeys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key-encryption keys (KEKs) that wrap every data subject's data key. Public because the
 * local-secrets guard checks them.
 *
 * @param keys KEKs by key id, each the base64 of 32 random bytes ({@code openssl rand -base64 32});
 *     from {@code FLOWLET_SUBJECT_KEKS} as {@code id=base64[,id=base64...]}. Keep an old key while
 *     subject keys wrapped by it exist
 * @param activeKeyId the KEK that wraps new subject keys; {@code FLOWLET_SUBJECT_KEK_ID}
 */
@ConfigurationProperties("flowlet.api.subject-keys")
public record SubjectKeySettings(Map<String, String> keys, String activeKeyId) {

  private static final String PUBLIC_DEFAULT_MARKER = "local-only";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  public SubjectKeySettings {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
  }

  /** The settings holding a public default of {@code application-local.yml}; empty when none. */
  public List<String> publicDefaults() {
    List<String> found = new ArrayList<>();
    keys.forEach(
        (id, key) -> {
          if (new String(decode(id, key), StandardCharsets.ISO_8859_1)
              .contains(PUBLIC_DEFAULT_MARKER)) {
            found.add("FLOWLET_SUBJECT_KEKS");
          }
        });
    return found.stream().distinct().toList();
  }

  /**
   * The active key's material, checked.
   *
   * @throws IllegalStateException naming the setting at fault, never a key's value
   */
  byte[] key(String keyId) {
    String base64 = keys.get(keyId);
    if (base64 == null) {
      throw new IllegalStateException(
          "subject key-encryption key '"
              + (keyId != null && KEY_ID.matcher(keyId).matches() ? keyId : "?")
              + "' is not configured in flowlet.api.subject-keys.keys (FLOWLET_SUBJECT_KEKS)");
    }
    byte[] key = decode(keyId, base64);
    if (key.length != 32) {
      throw new IllegalStateException(
          "flowlet.api.subject-keys.keys: every key must be 32 bytes (AES-256)");
    }
    return key;
  }

  /** Checks every key and the active key id at start-up. */
  void check() {
    if (activeKeyId == null || activeKeyId.isBlank()) {
      throw new IllegalStateException(
          "flowlet.api.subject-keys.active-key-id must be set: set FLOWLET_SUBJECT_KEK_ID to one"
              + " of the ids in FLOWLET_SUBJECT_KEKS");
    }
    keys.forEach(
        (id, key) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(
                "flowlet.api.subject-keys.keys: every entry must read key-id=base64");
          }
          key(id);
        });
    key(activeKeyId);
  }

  private static byte[] decode(String id, String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "flowlet.api.subject-keys.keys: a key is not valid base64"
              + (KEY_ID.matcher(id).matches() ? " (key id " + id + ")" : ""));
    }
  }

  @Override
  public String toString() {
    return "SubjectKeySettings[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
  }
}
