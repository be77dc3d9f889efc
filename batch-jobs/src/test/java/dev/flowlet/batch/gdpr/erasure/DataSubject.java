package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.events.SealedValue;
import dev.flowlet.events.SubjectDataCipher;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A data subject with personal data everywhere Flowlet keeps it, written as the API, the relay, the
 * streams sink and an analyst would have: profile, account, deposits from their phone, a transfer
 * from another customer naming them, the stored answer of an idempotent request, a schema-1 outbox
 * event with the device in clear, an analyst's note, a data key, schema-2 events in Kafka with
 * sealed fields, and decision, alert and audit documents in Elasticsearch (one decision leaking the
 * name into a reason).
 */
final class DataSubject {

  /** A stand-in for the API's key-encryption key, as the API would have wrapped the data key. */
  static final byte[] KEK = Arrays.copyOf("test-only-subject-kek".getBytes(), 32);

  static final String KEK_ID = "test-kek";
  static final String DEVICE_PREFIX = "iphone-of-";

  final UUID id = UUID.randomUUID();
  final UUID account = UUID.randomUUID();
  final UUID payer = UUID.randomUUID();
  final UUID payerAccount = UUID.randomUUID();
  final String name;
  final String email;
  final String phone;
  final String device;

  private DataSubject(String given) {
    String tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
    this.name = given + " Erasmus" + tag;
    this.email = given.toLowerCase() + ".erasmus" + tag + "@example.test";
    this.phone = "+4930" + tag;
    this.device = DEVICE_PREFIX + tag;
  }

  static DataSubject named(String given) {
    return new DataSubject(given);
  }

  /**
   * Files an erasure request for this subject as the API does once it is approved: requested by
   * demo-officer, approved by {@code approvedBy}, RUNNING (claimed). Returns the request's id.
   */
  UUID erasureRequest(JdbcTemplate jdbc, String approvedBy) {
    UUID request = UUID.randomUUID();
    jdbc.update(
        """
        insert into data_subject_requests (id, subject_id, type, status, requested_by,
            received_at, due_at, approved_by, approved_at, updated_at)
        values (?, ?, 'ERASURE', 'RUNNING', 'demo-officer', now(), now() + interval '30 days',
            ?, now(), now())
        """,
        request,
        id,
        approvedBy);
    return request;
  }

  /** Writes everything into PostgreSQL; returns the subject's data key. */
  byte[] writeTo(JdbcTemplate jdbc) {
    jdbc.update(
        """
        insert into customers (id, name, email, phone, address_line1, postal_code, city,
            address_country, date_of_birth, country)
        values (?, ?, ?, ?, 'Unter den Linden 1', '10117', 'Berlin', 'DE', ?, 'DE')
        """,
        id,
        name,
        email,
        phone,
        java.sql.Date.valueOf(LocalDate.of(1980, 5, 17)));
    jdbc.update(
        "insert into customers (id, name, email, country) values (?, 'Paula Payer', ?, 'DE')",
        payer,
        payer + "@example.test");
    jdbc.update(
        "insert into accounts (id, customer_id, currency, balance) values (?, ?, 'EUR', 175.00)",
        account,
        id);
    jdbc.update(
        "insert into accounts (id, customer_id, currency, balance) values (?, ?, 'EUR', 900.00)",
        payerAccount,
        payer);
    for (String amount : new String[] {"50.00", "25.00"}) {
      jdbc.update(
          """
          insert into transactions (id, account_id, type, amount, currency, occurred_at,
              counterparty_name, counterparty_country, channel_country, channel_device_id,
              created_by, balance_after)
          values (?, ?, 'DEPOSIT', ?, 'EUR', now(), 'Payroll GmbH', 'DE', 'DE', ?, 'demo-operator', 0)
          """,
          UUID.randomUUID(),
          account,
          new BigDecimal(amount),
          device);
    }
    UUID transfer = UUID.randomUUID();
    jdbc.update(
        """
        insert into transactions (id, account_id, type, amount, currency, occurred_at,
            counterparty_name, counterparty_country, counterparty_account_id, channel_country,
            channel_device_id, created_by, balance_after)
        values (?, ?, 'TRANSFER', 100.00, 'EUR', now(), ?, 'DE', ?, 'DE', 'payer-laptop',
            'demo-operator', 900.00)
        """,
        transfer,
        payerAccount,
        name,
        account);
    jdbc.update(
        """
        insert into idempotency_keys (actor, idempotency_key, request_hash, response_status,
            response_body)
        values ('demo-operator', ?, 'h', 201, ?), ('demo-operator', ?, 'h', 201, ?)
        """,
        UUID.randomUUID().toString(),
        """
        {"id":"%s","accountId":"%s","type":"DEPOSIT","amount":"50.00",
         "counterparty":{"name":"Payroll GmbH","country":"DE"},
         "channel":{"country":"DE","deviceId":"%s"}}"""
            .formatted(UUID.randomUUID(), account, device),
        UUID.randomUUID().toString(),
        """
        {"id":"%s","accountId":"%s","type":"TRANSFER","amount":"100.00",
         "counterparty":{"name":"%s","country":"DE","accountId":"%s"},
         "channel":{"country":"DE","deviceId":"payer-laptop"}}"""
            .formatted(transfer, payerAccount, name, account));
    jdbc.update(
        """
        insert into outbox (topic, message_key, payload, published_at)
        values ('flowlet.transactions.v1', ?, ?, now())
        """,
        account.toString(),
        """
        {"schemaVersion":1,"eventId":"%s","transactionId":"%s","accountId":"%s",
         "customerId":"%s","type":"DEPOSIT","amount":"50.00","currency":"EUR",
         "counterparty":{"name":"Payroll GmbH","country":"DE"},
         "channel":{"country":"DE","deviceId":"%s"}}"""
            .formatted(UUID.randomUUID(), UUID.randomUUID(), account, id, device));
    String alertId = "alert-" + UUID.randomUUID();
    jdbc.update(
        """
        insert into alerts (alert_id, transaction_id, account_id, customer_id, rule, severity,
            detail, raised_at)
        values (?, ?, ?, ?, 'LARGE_AMOUNT', 'HIGH', 'Amount over the limit', now())
        """,
        alertId,
        transfer,
        account,
        id);
    jdbc.update(
        """
        insert into alert_events (alert_id, occurred_at, actor, action, to_status, note)
        values (?, now(), 'demo-officer', 'note', 'INVESTIGATING', ?)
        """,
        alertId,
        "Called " + name + " on " + phone + ", confirmed by mail from " + email);
    SubjectDataCipher cipher = new SubjectDataCipher(new SecureRandom());
    byte[] dataKey = cipher.newDataKey();
    jdbc.update(
        "insert into subject_keys (subject_id, kek_id, wrapped_key, created_at) values (?, ?, ?, ?)",
        id,
        KEK_ID,
        cipher.wrap(KEK, KEK_ID, id.toString(), dataKey),
        Timestamp.from(Instant.now()));
    return dataKey;
  }

  /** A schema-2 deposit of the subject and a transfer to them, as the API publishes them. */
  void publishSealedEvents(KafkaTemplate<String, byte[]> kafka, byte[] dataKey) throws Exception {
    SubjectDataCipher cipher = new SubjectDataCipher(new SecureRandom());
    TransactionRecorded deposit =
        new TransactionRecorded(
            TransactionRecorded.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            account.toString(),
            id.toString(),
            "DEPOSIT",
            new BigDecimal("50.00"),
            "EUR",
            Instant.now(),
            Instant.now(),
            new TransactionRecorded.Counterparty("Payroll GmbH", "DE"),
            new TransactionRecorded.Channel(
                "DE",
                null,
                SubjectDataCipher.pseudonym(dataKey, TransactionRecorded.DEVICE_PSEUDONYM, device),
                cipher.seal(dataKey, id.toString(), TransactionRecorded.SEALED_DEVICE_ID, device)));
    SealedValue sealedName =
        cipher.seal(dataKey, id.toString(), TransactionRecorded.SEALED_COUNTERPARTY_NAME, name);
    TransactionRecorded transfer =
        new TransactionRecorded(
            TransactionRecorded.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            payerAccount.toString(),
            payer.toString(),
            "TRANSFER",
            new BigDecimal("100.00"),
            "EUR",
            Instant.now(),
            Instant.now(),
            new TransactionRecorded.Counterparty(
                null, "DE", account.toString(), id.toString(), sealedName),
            new TransactionRecorded.Channel("DE", "payer-laptop"));
    for (TransactionRecorded event : new TransactionRecorded[] {deposit, transfer}) {
      kafka
          .send(
              Topics.TRANSACTIONS.name(),
              event.accountId(),
              Topics.TRANSACTIONS
                  .valueSerde()
                  .serializer()
                  .serialize(Topics.TRANSACTIONS.name(), event))
          .get();
    }
  }
}
