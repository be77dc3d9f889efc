package dev.flowlet.api.cards;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits a refused attempt to reveal a card number (PCI DSS 10.2.1.1 and 10.2.1.4: every access to
 * cardholder data, failed ones included). The refused request answers with an error and its own
 * transaction, if it had one, rolls back, so the record is written in a transaction of its own.
 */
@Component
class RefusedReveals {

  static final String ACTION = "cardholder_data.access_refused";

  private final AuditTrail audit;

  RefusedReveals(AuditTrail audit) {
    this.audit = audit;
  }

  /**
   * @param transactionId the transaction whose card was asked for, or null when the id was no UUID
   * @param subjectId the card holder, when the refusal came after finding the card
   * @param reason the stated reason, only when it passed the reason rules (as a reveal records it);
   *     null when it is missing or refused, since then it may hold a card number or anything else
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void record(Actor actor, UUID transactionId, UUID subjectId, Refusal refusal, String reason) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("refusal", refusal.code());
    if (transactionId != null) {
      details.put("transactionId", transactionId.toString());
    }
    if (reason != null) {
      details.put("reason", reason);
    }
    audit.record(
        actor,
        ACTION,
        "transaction",
        transactionId == null ? null : transactionId.toString(),
        subjectId == null ? null : subjectId.toString(),
        Outcome.FAILURE,
        details);
  }

  /** Why a reveal was refused, as the audit record's {@code refusal} names it. */
  enum Refusal {
    /** No body, or a reason that is absent or blank. */
    REASON_MISSING,
    /** A reason too short or too long. */
    REASON_INVALID,
    /** A reason holding a card number (it would land in the audit trail). */
    REASON_HOLDS_CARD_NUMBER,
    /** A body that is not JSON, not of the expected shape, or not sent as JSON. */
    REQUEST_UNREADABLE,
    /** A transaction id that is no UUID. */
    TRANSACTION_ID_INVALID,
    /** No such transaction, or one paid without a card. */
    CARD_NOT_FOUND,
    /** The card holder was erased: the card's key is gone. */
    CARD_ERASED,
    /** The reveal failed on the server, after the card was found (for example decryption). */
    REVEAL_FAILED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
