package dev.flowlet.api.cards;

import dev.flowlet.api.problems.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What transaction recording needs from cardholder data handling: the card of a request checked and
 * fingerprinted, then stored (encrypted, once per distinct card) and linked to its transaction. The
 * number never leaves this package in clear except through the audited reveal.
 */
@Component
public class CardVault {

  private final CardRows rows;
  private final CardKeyRing keys;
  private final EnvelopeCipher cipher;
  private final CardFingerprints fingerprints;

  CardVault(CardRows rows, CardKeyRing keys, EnvelopeCipher cipher, CardFingerprints fingerprints) {
    this.rows = rows;
    this.keys = keys;
    this.cipher = cipher;
    this.fingerprints = fingerprints;
  }

  /**
   * The request's card, checked against its transaction type; empty when there is none.
   *
   * @throws InvalidRequestException (422) on {@code card} or {@code card.number}, never quoting it
   */
  public Optional<CapturedCard> capture(String transactionType, CardInput card) {
    return switch (CardEntry.decide(transactionType, card)) {
      case CardEntry.Decision.NoCard none -> Optional.empty();
      case CardEntry.Decision.Accepted accepted ->
          Optional.of(new CapturedCard(accepted.card(), fingerprints.of(accepted.card())));
      case CardEntry.Decision.Refused refused ->
          throw new InvalidRequestException(refused.errors());
    };
  }

  /**
   * Stores the card unless it is known by its fingerprint, links it to the transaction, and returns
   * how answers show it. Runs in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public CardView attach(UUID transactionId, CapturedCard card) {
    CardRows.Card stored = rows.findByFingerprint(card.fingerprint()).orElseGet(() -> insert(card));
    rows.attach(transactionId, stored.id());
    return stored.view();
  }

  private CardRows.Card insert(CapturedCard card) {
    UUID id = UUID.randomUUID();
    EnvelopeCipher.Sealed pan =
        cipher.seal(card.number().digits().getBytes(StandardCharsets.US_ASCII), id, keys);
    if (rows.insertIfAbsent(id, card.fingerprint(), card.number(), pan)) {
      return new CardRows.Card(
          id, card.number().bin(), card.number().last4(), card.number().digits().length());
    }
    return rows.findByFingerprint(card.fingerprint())
        .orElseThrow(() -> new IllegalStateException("a card row vanished while being stored"));
  }

  /**
   * A request's card after its checks: the number, for this package only, and its keyed
   * fingerprint, which stands in for the number wherever a request must be compared (idempotency).
   */
  public static final class CapturedCard {

    private final CardNumber number;
    private final String fingerprint;

    CapturedCard(CardNumber number, String fingerprint) {
      this.number = number;
      this.fingerprint = fingerprint;
    }

    CardNumber number() {
      return number;
    }

    /** HMAC-SHA256 of the number under the fingerprint key, as 64 hex digits. */
    public String fingerprint() {
      return fingerprint;
    }

    @Override
    public String toString() {
      return "CapturedCard[" + number.masked() + "]";
    }
  }
}
