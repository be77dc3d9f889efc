package dev.flowlet.api.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The opaque {@code next} cursor: base64url of the {@code search_after} values of a page's last hit
 * (time in epoch milliseconds, then id) and a checksum over those values and the filters of the
 * search. A cursor sent with other filters, edited or cut short fails the checksum and is refused.
 * The cursor is not a secret and carries no personal data: one crafted by hand for the same filters
 * can only choose where a page starts, which {@code to} allows anyway.
 */
final class SearchCursor {

  private static final String VERSION = "1";
  private static final int MAX_LENGTH = 1024;
  private static final int MAX_ID_LENGTH = 512;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SearchCursor() {}

  /**
   * A place in newest-first order.
   *
   * @param timeMillis the sort value of the time field (Elasticsearch sorts dates as epoch millis)
   * @param id the document id, tie-breaker between equal times
   */
  record Position(long timeMillis, String id) {}

  static String encode(Position position, String filterFingerprint) {
    String plain =
        String.join(
            "\n",
            VERSION,
            Long.toString(position.timeMillis()),
            position.id(),
            checksum(position, filterFingerprint));
    return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws BadSearchParameter when the cursor is malformed, altered, or was handed out for other
   *     filters
   */
  static Position decode(String cursor, String filterFingerprint) {
    if (cursor.length() > MAX_LENGTH) {
      throw refused();
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = plain.split("\n", -1);
      if (parts.length != 4 || !parts[0].equals(VERSION)) {
        throw refused();
      }
      String id = parts[2];
      if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
        throw refused();
      }
      Position position = new Position(Long.parseLong(parts[1]), id);
      byte[] expected = checksum(position, filterFingerprint).getBytes(StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.UTF_8))) {
        throw refused();
      }
      return position;
    } catch (IllegalArgumentException e) {
      // Not base64url, or not a number: NumberFormatException is an IllegalArgumentException.
      throw refused();
    }
  }

  private static String checksum(Position position, String filterFingerprint) {
    byte[] digest =
        Sha256.of(filterFingerprint + "\n" + position.timeMillis() + "\n" + position.id());
    return ENCODER.encodeToString(Arrays.copyOf(digest, 16));
  }

  private static BadSearchParameter refused() {
    return new BadSearchParameter(
        "cursor", "must be a next cursor this API handed out for the same filters");
  }
}
