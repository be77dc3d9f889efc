package dev.flowlet.api.cards;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.cards.RefusedReveals.Refusal;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decrypts the card of a transaction for someone allowed to see it, and records who, when and why
 * in the audit trail in the same database transaction (PCI DSS 10.2.1.1): no reveal without its
 * audit record. A refused or failed attempt is recorded too, in a transaction of its own, before
 * the error is answered.
 */
@Component
class CardReveal {

  static final String ACTION = "cardholder_data.accessed";

  private final CardRows rows;
  private final CardKeyRing keys;
  private final EnvelopeCipher cipher;
  private final AuditTrail audit;
  private final RefusedReveals refusals;
  private final TransactionTemplate transactions;

  CardReveal(
      CardRows rows,
      CardKeyRing keys,
      EnvelopeCipher cipher,
      AuditTrail audit,
      RefusedReveals refusals,
      TransactionTemplate transactions) {
    this.rows = rows;
    this.keys = keys;
    this.cipher = cipher;
    this.audit = audit;
    this.refusals = refusals;
    this.transactions = transactions;
  }

  /**
   * @param reason why the number is needed; already checked for presence and length
   * @throws NotFoundException when there is no such transaction or it has no card
   * @throws InvalidRequestException when the reason itself holds a card number
   * @throws ConflictException when the card holder was erased
   */
  Revealed reveal(UUID transactionId, String reason, Actor actor) {
    if (CardNumber.appearsIn(reason)) {
      refusals.record(actor, transactionId, null, Refusal.REASON_HOLDS_CARD_NUMBER, null);
      throw new InvalidRequestException(
          "reason", "must not contain a card number: it is stored in the audit trail");
    }
    String stated = reason.strip();
    Optional<CardRows.TransactionCard> found = rows.ofTransaction(transactionId);
    if (found.isEmpty()) {
      refusals.record(actor, transactionId, null, Refusal.CARD_NOT_FOUND, stated);
      throw new NotFoundException("card for a transaction");
    }
    CardRows.TransactionCard stored = found.get();
    if (stored.pan().wrappedDataKey().length == 0) {
      // The card holder was erased (GDPR): the card's data key is gone, only bin and last4 stay.
      refusals.record(actor, transactionId, stored.customerId(), Refusal.CARD_ERASED, stated);
      throw new ConflictException(
          "The card number was erased with its holder's data; only the masked number remains");
    }
    try {
      return transactions.execute(status -> revealed(transactionId, stored, stated, actor));
    } catch (RuntimeException failed) {
      // The access record rolled back with the failure: the attempt still leaves a trace.
      try {
        refusals.record(actor, transactionId, stored.customerId(), Refusal.REVEAL_FAILED, stated);
      } catch (RuntimeException unrecorded) {
        failed.addSuppressed(unrecorded);
      }
      throw failed;
    }
  }

  private Revealed revealed(
      UUID transactionId, CardRows.TransactionCard stored, String reason, Actor actor) {
    CardView view = stored.card().view();
    audit.record(
        actor,
        ACTION,
        "transaction",
        transactionId.toString(),
        stored.customerId().toString(),
        Outcome.SUCCESS,
        Map.of(
            "reason", reason,
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
