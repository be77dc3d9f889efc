package dev.flowlet.batch.gdpr;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data subjects written straight into the API's tables, with something in every data set an export
 * covers, and export requests for them as the API files them.
 */
public final class DataSubjects {

  /** Counterparty names a spreadsheet would run as formulas. */
  public static final List<String> FORMULAS =
      List.of("=HYPERLINK(\"http://evil.test\")", "+1+1", "-2+3", "@SUM(A1)", "\tTabbed", "\rCR");

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  public DataSubjects(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  /** A subject's ids and the fixed personal data the tests look for. */
  public record Subject(UUID id, UUID account, String name, String email, String device) {}

  /** A customer with an account and {@code transactions} deposits, and nothing else. */
  public Subject customer(String name, int transactions) {
    UUID id = UUID.randomUUID();
    UUID account = UUID.randomUUID();
    String tag = id.toString().substring(0, 8);
    String email = "person-" + tag + "@example.test";
    String device = "device-" + tag;
    jdbc.sql(
            """
            insert into customers (id, name, email, phone, city, country)
            values (?, ?, ?, '+44 20 7946 0000', 'London', 'GB')
            """)
        .params(id, name, email)
        .update();
    jdbc.sql("insert into accounts (id, customer_id, currency, balance) values (?, ?, 'EUR', 0)")
        .params(account, id)
        .update();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < transactions; i++) {
      String counterparty = i < FORMULAS.size() ? FORMULAS.get(i) : "Payer " + tag + " " + (i % 17);
      rows.add(
          new Object[] {
            UUID.randomUUID(),
            account,
            new BigDecimal(10 + i % 90 + ".25"),
            Timestamp.from(start.plus(i, ChronoUnit.MINUTES)),
            counterparty,
            device,
            Timestamp.from(start.plus(i, ChronoUnit.MINUTES).plusSeconds(1))
          });
    }
    jdbcTemplate.batchUpdate(
        """
        insert into transactions (id, account_id, type, amount, currency, occurred_at,
          counterparty_name, counterparty_country, channel_country, channel_device_id,
          created_by, created_at)
        values (?, ?, 'DEPOSIT', ?, 'EUR', ?, ?, 'DE', 'GB', ?, 'test', ?)
        """,
        rows);
    return new Subject(id, account, name, email, device);
  }

  /**
   * A subject with something in every data set: transactions, a card, consents, a decision and an
   * alert about their first transaction, audit events, and a transfer from {@code sender}.
   */
  public Subject complete(String name, int transactions, Subject sender) {
    Subject subject = customer(name, transactions);
    UUID first =
        jdbc.sql("select id from transactions where account_id = ? order by created_at, id limit 1")
            .param(subject.account())
            .query(UUID.class)
            .single();
    UUID card = UUID.randomUUID();
    jdbc.sql(
            """
            insert into cards (id, fingerprint, bin, last4, pan_length, key_id, wrapped_data_key,
                encrypted_pan)
            values (?, ?, '411111', '1111', 16, 'test-key', '\\x00'::bytea, '\\x01'::bytea)
            """)
        .params(card, "fp-" + card)
        .update();
    jdbc.sql("update transactions set card_id = ?, type = 'CARD_PAYMENT' where id = ?")
        .params(card, first)
        .update();
    jdbc.sql(
            """
            insert into consents (id, customer_id, purpose, granted, source, recorded_by,
                recorded_at)
            values (?, ?, 'MARKETING', true, 'WEB', 'demo-operator', '2026-01-02T10:00:00Z'),
                   (?, ?, 'MARKETING', false, 'BRANCH', 'demo-operator', '2026-01-03T10:00:00Z')
            """)
        .params(UUID.randomUUID(), subject.id(), UUID.randomUUID(), subject.id())
        .update();
    jdbc.sql(
            """
            insert into risk_decisions (transaction_id, decision_id, outcome, score, reasons,
                decided_at, rule_versions)
            values (?, ?, 'REVIEW', 70,
                    '[{"rule":"NEW_DEVICE_HIGH_VALUE","detail":"first time on this device"}]',
                    '2026-01-01T00:00:05Z', '{"NEW_DEVICE_HIGH_VALUE":1}')
            """)
        .params(first, UUID.randomUUID())
        .update();
    jdbc.sql(
            """
            insert into alerts (alert_id, transaction_id, account_id, customer_id, rule, severity,
                detail, raised_at)
            values (?, ?, ?, ?, 'NEW_DEVICE_HIGH_VALUE', 'HIGH', 'first time on this device',
                    '2026-01-01T00:00:06Z')
            """)
        .params("alert-" + first, first, subject.account(), subject.id())
        .update();
    jdbc.sql(
            """
            insert into audit_logs (id, chain_id, occurred_at, actor, role, action, resource_type,
                resource_id, subject_id, outcome, source_ip, details)
            values (?, 'api', '2026-01-01T00:00:00Z', 'demo-operator', 'OPERATOR',
                    'customer.created', 'customer', ?, ?, 'SUCCESS', '10.9.8.7', '{}')
            """)
        .params(UUID.randomUUID(), subject.id().toString(), subject.id().toString())
        .update();
    jdbc.sql(
            """
            insert into transactions (id, account_id, type, amount, currency, occurred_at,
              counterparty_name, counterparty_country, counterparty_account_id, channel_country,
              channel_device_id, created_by)
            values (?, ?, 'TRANSFER', 55.00, 'EUR', '2026-02-01T00:00:00Z', 'Sender Secret Name',
                    'DE', ?, 'DE', ?, 'test')
            """)
        .params(UUID.randomUUID(), sender.account(), subject.account(), sender.device())
        .update();
    return subject;
  }

  /**
   * A real database error for export {@code request}: its first progress report after 100
   * transaction rows fails (a trigger raises), and with it the step. {@link #removeFailures} ends
   * it.
   */
  public void failExportAfterHundredTransactions(UUID request) {
    jdbc.sql(
            """
            create or replace function public.inject_failure() returns trigger
            language plpgsql as $$
            begin
              if new.id = '%s' and new.progress ->> 'step' = 'transactions'
                 and (new.progress ->> 'done')::int >= 100 then
                raise exception 'injected failure';
              end if;
              return new;
            end $$
            """
                .formatted(request))
        .update();
    jdbc.sql(
            "create trigger inject_failure before update on data_subject_requests"
                + " for each row execute function public.inject_failure()")
        .update();
  }

  /** Drops the failure {@link #failExportAfterHundredTransactions} injected, if any. */
  public void removeFailures() {
    jdbc.sql("drop trigger if exists inject_failure on data_subject_requests").update();
  }

  /** An export request as the API files it: RECEIVED. */
  public UUID exportRequest(UUID subjectId, String status) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into data_subject_requests (id, subject_id, type, status, requested_by,
                received_at, due_at, updated_at)
            values (?, ?, 'EXPORT', ?, 'demo-officer', now(), now() + interval '30 days', now())
            """)
        .params(id, subjectId, status)
        .update();
    return id;
  }

  public String status(UUID requestId) {
    return jdbc.sql("select status from data_subject_requests where id = ?")
        .param(requestId)
        .query(String.class)
        .single();
  }
}
