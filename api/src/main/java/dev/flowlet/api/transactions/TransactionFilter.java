package dev.flowlet.api.transactions;

import dev.flowlet.api.problems.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * What {@code GET /api/v1/transactions} lists: filters, page size and where the page starts.
 *
 * @param accountId movements on this account, as the debited or the credited side
 * @param type only this type
 * @param from occurred at or after
 * @param to occurred before
 * @param status SCREENING (no decision yet) or SCREENED
 * @param outcome only decisions with this outcome (APPROVE, REVIEW, HOLD)
 * @param limit page size
 * @param after the position after which the page starts (newest first), or null for the first
 */
record TransactionFilter(
    UUID accountId,
    TransactionType type,
    Instant from,
    Instant to,
    String status,
    String outcome,
    int limit,
    Position after) {

  static final int MAX_LIMIT = 200;

  /**
   * A place in the newest-first order of transactions: booking time, then id.
   *
   * @param createdAt booking time of the last transaction of the previous page
   * @param id its id
   */
  record Position(Instant createdAt, UUID id) {

    /** The opaque cursor a client sends back for the next page. */
    String encode() {
      String plain = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "_" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static Position decode(String cursor) {
      try {
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        int split = plain.indexOf('_');
        long micros = Long.parseLong(plain.substring(0, split));
        return new Position(
            Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
            UUID.fromString(plain.substring(split + 1)));
      } catch (RuntimeException e) {
        throw new InvalidRequestException("cursor", "is not a cursor this API handed out");
      }
    }
  }
}
