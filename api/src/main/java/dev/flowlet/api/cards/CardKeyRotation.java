package dev.flowlet.api.cards;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every card that is not under the active key: a new data key, wrapped by the active
 * key. It works in batches, one database transaction each, locking with {@code FOR NO KEY UPDATE
 * SKIP LOCKED}, so traffic keeps flowing and two rotations share the work. Each batch commits with
 * its audit record; a crash loses at most the batch in flight, and running again continues where it
 * stopped. Running it with nothing left to do changes nothing but the audit trail.
 */
@Component
class CardKeyRotation {

  static final String ACTION = "cardholder_data.keys_rotated";
  private static final Logger log = LoggerFactory.getLogger(CardKeyRotation.class);

  private final CardRows rows;
  private final CardKeyRing keys;
  private final EnvelopeCipher cipher;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final int batchSize;

  CardKeyRotation(
      CardRows rows,
      CardKeyRing keys,
      EnvelopeCipher cipher,
      AuditTrail audit,
      TransactionTemplate transactions,
      CardSettings settings) {
    this.rows = rows;
    this.keys = keys;
    this.cipher = cipher;
    this.audit = audit;
    this.transactions = transactions;
    this.batchSize = settings.rotationBatchSize();
  }

  Result rotate(Actor actor) {
    long rotated = 0;
    int batch;
    do {
      batch = transactions.execute(status -> rotateBatch(actor));
      rotated += batch;
    } while (batch > 0);
    if (rotated == 0) {
      transactions.executeWithoutResult(status -> audited(actor, 0, List.of()));
    }
    long remaining = rows.countNotUnder(keys.activeKeyId());
    log.info(
        "Card key rotation to {}: {} cards re-encrypted, {} left (locked elsewhere)",
        keys.activeKeyId(),
        rotated,
        remaining);
    return new Result(rotated, remaining, keys.activeKeyId());
  }

  private int rotateBatch(Actor actor) {
    List<CardRows.SealedCard> batch = rows.lockNotUnder(keys.activeKeyId(), batchSize);
    for (CardRows.SealedCard card : batch) {
      rows.reseal(card.id(), cipher.reseal(card.pan(), card.id(), keys));
    }
    if (!batch.isEmpty()) {
      audited(actor, batch.size(), batch.stream().map(card -> card.pan().keyId()).toList());
    }
    return batch.size();
  }

  private void audited(Actor actor, int rotated, List<String> fromKeyIds) {
    audit.record(
        actor,
        ACTION,
        "card_key",
        keys.activeKeyId(),
        null,
        Outcome.SUCCESS,
        Map.of(
            "rotated", Integer.toString(rotated),
            "activeKeyId", keys.activeKeyId(),
            "fromKeyIds", String.join(",", new TreeSet<>(fromKeyIds))));
  }

  /**
   * @param rotated cards re-encrypted by this call
   * @param remaining cards still under another key (held by a concurrent rotation); 0 when done
   * @param activeKeyId the key every rotated card is under now
   */
  record Result(long rotated, long remaining, String activeKeyId) {}
}
