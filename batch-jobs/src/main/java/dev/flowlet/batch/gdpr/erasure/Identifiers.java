package dev.flowlet.batch.gdpr.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the proof searches for: the subject's name, email and phone as they were before the erasure
 * (trimmed). Held in memory only; the job's execution context keeps the SHA-256 of each,
 * lower-cased.
 *
 * @param values by kind ({@code name}, {@code email}, {@code phone}); absent kinds left out
 */
record Identifiers(Map<String, String> values) {

  static Identifiers of(String name, String email, String phone) {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "name", name);
    put(values, "email", email);
    put(values, "phone", phone);
    return new Identifiers(Map.copyOf(values));
  }

  /** The SHA-256 (hex) of each value, by kind, in a stable order. */
  Map<String, String> hashes() {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String kind : new String[] {"name", "email", "phone"}) {
      if (values.containsKey(kind)) {
        hashes.put(kind, sha256(normalise(values.get(kind))));
      }
    }
    return hashes;
  }

  /** Whether {@code text} contains one of the identifiers, ignoring case. */
  boolean foundIn(String text) {
    String lower = normalise(text);
    return values.values().stream().anyMatch(value -> lower.contains(normalise(value)));
  }

  static String normalise(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void put(Map<String, String> values, String kind, String value) {
    if (value != null && !value.isBlank()) {
      values.put(kind, value.strip());
    }
  }

  @Override
  public String toString() {
    return "Identifiers" + values.keySet();
  }
}
