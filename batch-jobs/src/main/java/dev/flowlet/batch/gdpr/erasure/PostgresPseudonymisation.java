package dev.flowlet.batch.gdpr.erasure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pseudonymises one data subject in a Flowlet database: the rows stay (amounts, dates, references
 * and balances are kept, as anti-money-laundering law requires), their personal fields are replaced
 * or nulled. Every statement changes only what is not yet pseudonymised, so running it again
 * changes nothing and counts zero. Works on any connection: the live database, or a restored copy
 * when the erasure ledger is replayed.
 */
final class PostgresPseudonymisation {

  private final JdbcTemplate jdbc;

  PostgresPseudonymisation(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Pseudonymises {@code subject}; the number of rows changed, by what was changed. */
  Map<String, Integer> apply(UUID subject) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(
        "customers",
        jdbc.update(
            """
            update customers set name = 'erased-' || id, email = 'erased-' || id || '@erased.invalid',
                phone = null, address_line1 = null, address_line2 = null, postal_code = null,
                city = null, address_country = null, date_of_birth = null, updated_at = now()
            where id = ? and name <> 'erased-' || id
            """,
            subject));
    counts.put(
        "transactions.channelDeviceId",
        jdbc.update(
            """
            update transactions set channel_device_id = 'erased'
            where account_id in (select id from accounts where customer_id = ?)
              and channel_device_id <> 'erased'
            """,
            subject));
    // A transfer to the subject names them as the counterparty, in other customers' ledgers.
    counts.put(
        "transactions.counterpartyName",
        jdbc.update(
            """
            update transactions set counterparty_name = 'erased'
            where counterparty_account_id in (select id from accounts where customer_id = ?)
              and counterparty_name <> 'erased'
            """,
            subject));
    counts.put(
        "idempotencyKeys.channelDeviceId",
        jdbc.update(
            """
            update idempotency_keys
            set response_body = jsonb_set(response_body::jsonb, '{channel,deviceId}', '"erased"')::text
            where response_body like '{%'
              and response_body::jsonb ->> 'accountId' in
                  (select id::text from accounts where customer_id = ?)
              and response_body::jsonb -> 'channel' ->> 'deviceId' is distinct from 'erased'
            """,
            subject));
    counts.put(
        "idempotencyKeys.counterpartyName",
        jdbc.update(
            """
            update idempotency_keys
            set response_body =
                jsonb_set(response_body::jsonb, '{counterparty,name}', '"erased"')::text
            where response_body like '{%'
              and response_body::jsonb -> 'counterparty' ->> 'accountId' in
                  (select id::text from accounts where customer_id = ?)
              and response_body::jsonb -> 'counterparty' ->> 'name' is distinct from 'erased'
            """,
            subject));
    // Published events of schema 1 carried these in clear; schema 2 seals them (key shredded).
    counts.put(
        "outbox.channelDeviceId",
        jdbc.update(
            """
            update outbox set payload = jsonb_set(payload::jsonb, '{channel,deviceId}', 'null')::text
            where topic = 'flowlet.transactions.v1'
              and payload::jsonb ->> 'customerId' = ?
              and payload::jsonb -> 'channel' ->> 'deviceId' is not null
            """,
            subject.toString()));
    counts.put(
        "outbox.counterpartyName",
        jdbc.update(
            """
            update outbox set payload = jsonb_set(payload::jsonb, '{counterparty,name}', 'null')::text
            where topic = 'flowlet.transactions.v1'
              and payload::jsonb -> 'counterparty' ->> 'customerId' = ?
              and payload::jsonb -> 'counterparty' ->> 'name' is not null
            """,
            subject.toString()));
    // Cards: without their data key a PAN cannot be read; bin, last4 and length stay.
    counts.put(
        "cards",
        jdbc.update(
            """
            update cards set wrapped_data_key = '\\x'::bytea, encrypted_pan = '\\x'::bytea,
                fingerprint = 'erased-' || id
            where id in (select card_id from transactions
                         where account_id in (select id from accounts where customer_id = ?)
                           and card_id is not null)
              and octet_length(wrapped_data_key) > 0
            """,
            subject));
    return counts;
  }

  /** Deletes the subject's data key: every sealed value and pseudonym of theirs is now dead. */
  int shredKey(UUID subject) {
    return jdbc.update("delete from subject_keys where subject_id = ?", subject);
  }

  /** Whether {@code subject} is erased in this database (pseudonymised and without a key). */
  boolean isErased(UUID subject) {
    Integer unerased =
        jdbc.queryForObject(
            """
            select (select count(*) from customers where id = ? and name <> 'erased-' || id)
                 + (select count(*) from subject_keys where subject_id = ?)
            """,
            Integer.class,
            subject,
            subject);
    return unerased != null && unerased == 0;
  }
}
