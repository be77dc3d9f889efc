package dev.flowlet.api.cards;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decrypts the card of a transaction for someone allowed to see it, and records who, when and why
 * in the audit trail in the same database transaction (PCI DSS 10.2.1.1): no reveal without its
 * audit record.
 */
@Component
class CardReveal {

  static final String ACTION = "cardholder_data.accessed";

  private final CardRows rows;
  private final CardKeyRing keys;
  private final EnvelopeCipher cipher;
  private final AuditTrail audit;

  CardReveal(CardRows rows, CardKeyRing keys, EnvelopeCipher cipher, AuditTrail audit) {
    this.rows = rows;
    this.keys = keys;
    this.cipher = cipher;
    this.audit = audit;
  }

  /**
   * @throws NotFoundException when there is no such transaction or it has no card
   * @throws InvalidRequestException when the reason itself holds a card number
   */
  @Transactional
  Revealed reveal(UUID transactionId, String reason, Actor actor) {
    if (CardNumber.appearsIn(reason)) {
      throw new InvalidRequestException(
          "reason", "must not contain a card number: it is stored in the audit trail");
    }
    CardRows.TransactionCard stored =
        rows.ofTransaction(transactionId)
            .orElseThrow(() -> new NotFoundException("card for a transaction"));
    if (stored.pan().wrappedDataKey().length == 0) {
      // The card holder was erased (GDPR): the card's data key is gone, only bin and last4 stay.
      throw new ConflictException(
          "The card number was erased with its holder's data; only the masked number remains");
    }
    CardView view = stored.card().view();
    audit.record(
        actor,
        ACTION,
        "transaction",
        transactionId.toString(),
        stored.customerId().toString(),
        Outcome.SUCCESS,
        Map.of(
            "reason", reason.strip(),
            "transactionId", transactionId.toString(),
            "cardId", stored.card().id().toString(),
            "card", view.masked()));
    byte[] digits = cipher.open(stored.pan(), stored.card().id(), keys);
    try {
      return new Revealed(
          transactionId, new String(digits, StandardCharsets.US_ASCII), view.masked());
    } finally {
      Arrays.fill(digits, (byte) 0);
    }
  }

  /**
   * The answer of a reveal.
   *
   * @param transactionId the transaction whose card this is
   * @param number the full card number
   * @param masked the number as every other answer shows it
   */
  record Revealed(UUID transactionId, String number, String masked) {

    @Override
    public String toString() {
      return "Revealed[" + transactionId + ", " + masked + "]";
    }
  }
}
