package dev.flowlet.api.cards;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cards} table: one row per distinct card, its number only envelope-encrypted. */
@Repository
class CardRows {

  private final JdbcClient jdbc;

  CardRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Card> findByFingerprint(String fingerprint) {
    return jdbc.sql("select id, bin, last4, pan_length from cards where fingerprint = ?")
        .param(fingerprint)
        .query(Card.class)
        .optional();
  }

  /**
   * Inserts a card unless one with its fingerprint exists (a concurrent request with the same card
   * waits for the other's transaction, then finds its row); true when this call inserted it.
   */
  boolean insertIfAbsent(UUID id, String fingerprint, CardNumber card, EnvelopeCipher.Sealed pan) {
    return jdbc.sql(
                """
                insert into cards (id, fingerprint, bin, last4, pan_length, key_id,
                    wrapped_data_key, encrypted_pan)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (fingerprint) do nothing
                """)
            .params(
                id,
                fingerprint,
                card.bin(),
                card.last4(),
                card.digits().length(),
                pan.keyId(),
                pan.wrappedDataKey(),
                pan.ciphertext())
            .update()
        == 1;
  }

  void attach(UUID transactionId, UUID cardId) {
    jdbc.sql("update transactions set card_id = ? where id = ?")
        .params(cardId, transactionId)
        .update();
  }

  /** The sealed card of a transaction, with the data subject it belongs to. */
  Optional<TransactionCard> ofTransaction(UUID transactionId) {
    return jdbc.sql(
            """
            select c.id, c.bin, c.last4, c.pan_length, c.key_id, c.wrapped_data_key,
                c.encrypted_pan, a.customer_id
            from transactions t
            join cards c on c.id = t.card_id
            join accounts a on a.id = t.account_id
            where t.id = ?
            """)
        .param(transactionId)
        .query(
            (rs, row) ->
                new TransactionCard(
                    new Card(
                        rs.getObject("id", UUID.class),
                        rs.getString("bin"),
                        rs.getString("last4"),
                        rs.getInt("pan_length")),
                    new EnvelopeCipher.Sealed(
                        rs.getString("key_id"),
                        rs.getBytes("wrapped_data_key"),
                        rs.getBytes("encrypted_pan")),
                    rs.getObject("customer_id", UUID.class)))
        .optional();
  }

  /**
   * Locks up to {@code limit} cards sealed under another key than {@code activeKeyId}, skipping
   * rows another rotation holds. {@code NO KEY UPDATE} (the update changes no key column) does not
   * conflict with the key-share lock a payment takes when it references a card, so payments never
   * wait for a rotation, nor a rotation for them.
   */
  List<SealedCard> lockNotUnder(String activeKeyId, int limit) {
    return jdbc.sql(
            """
            select id, key_id, wrapped_data_key, encrypted_pan from cards
            where key_id <> ? and octet_length(wrapped_data_key) > 0
            order by id
            limit ?
            for no key update skip locked
            """)
        .params(activeKeyId, limit)
        .query(
            (rs, row) ->
                new SealedCard(
                    rs.getObject("id", UUID.class),
                    new EnvelopeCipher.Sealed(
                        rs.getString("key_id"),
                        rs.getBytes("wrapped_data_key"),
                        rs.getBytes("encrypted_pan"))))
        .list();
  }

  void reseal(UUID id, EnvelopeCipher.Sealed pan) {
    jdbc.sql(
            """
            update cards set key_id = ?, wrapped_data_key = ?, encrypted_pan = ?, rotated_at = now()
            where id = ?
            """)
        .params(pan.keyId(), pan.wrappedDataKey(), pan.ciphertext(), id)
        .update();
  }

  long countNotUnder(String activeKeyId) {
    return jdbc.sql(
            "select count(*) from cards where key_id <> ? and octet_length(wrapped_data_key) > 0")
        .param(activeKeyId)
        .query(Long.class)
        .single();
  }

  List<String> keyIdsInUse() {
    return jdbc.sql(
            "select distinct key_id from cards where octet_length(wrapped_data_key) > 0 order by key_id")
        .query(String.class)
        .list();
  }

  /** A stored card as it may be shown. */
  record Card(UUID id, String bin, String last4, int panLength) {

    CardView view() {
      return CardView.of(bin, last4, panLength);
    }
  }

  record TransactionCard(Card card, EnvelopeCipher.Sealed pan, UUID customerId) {}

  record SealedCard(UUID id, EnvelopeCipher.Sealed pan) {}
}
