package dev.flowlet.batch.gdpr.export;

import java.util.List;

/**
 * One data set of an export: a query with one parameter, the subject's id, whose rows become the
 * lines of {@code <name>.jsonl} and {@code <name>.csv}. Every query has a total order, so a rerun
 * writes the same bytes; none selects a secret (encrypted card numbers, key material, card
 * fingerprints, staff IP addresses) or another customer's personal data.
 *
 * @param name file name without extension, and the step's progress label
 * @param sql the query; {@code ?} is the subject's id
 */
record ExportDataset(String name, String sql) {

  /** Every data set, in the order the job writes them. */
  static final List<ExportDataset> ALL =
      List.of(
          new ExportDataset(
              "profile",
              """
              select id, name, email, phone, address_line1, address_line2, postal_code, city,
                     address_country, date_of_birth, country, status, created_at, updated_at
                from customers where id = ?
              """),
          new ExportDataset(
              "accounts",
              """
              select id, currency, status, balance, overdraft_limit, opened_at, closed_at
                from accounts where customer_id = ? order by opened_at, id
              """),
          new ExportDataset(
              "transactions",
              """
              select t.id, t.account_id, t.type, t.amount, t.currency, t.occurred_at,
                     t.counterparty_name, t.counterparty_country, t.counterparty_account_id,
                     t.channel_country, t.channel_device_id, t.card_id, t.balance_after,
                     t.created_at
                from transactions t join accounts a on a.id = t.account_id
               where a.customer_id = ?
               order by t.created_at, t.id
              """),
          // Money received from other customers' accounts: amounts and dates, not who sent it.
          new ExportDataset(
              "incoming_transfers",
              """
              select t.id, t.counterparty_account_id as account_id, t.type, t.amount, t.currency,
                     t.occurred_at, t.created_at
                from transactions t join accounts a on a.id = t.counterparty_account_id
               where a.customer_id = ?
               order by t.created_at, t.id
              """),
          // PCI DSS: what may be shown of a card, the first six and last four digits, never more.
          new ExportDataset(
              "cards",
              """
              select c.id, c.bin || repeat('*', c.pan_length - 10) || c.last4 as masked_number,
                     c.pan_length, c.created_at
                from cards c
               where c.id in (select t.card_id from transactions t
                                join accounts a on a.id = t.account_id
                               where a.customer_id = ? and t.card_id is not null)
               order by c.created_at, c.id
              """),
          new ExportDataset(
              "consents",
              """
              select id, purpose, granted, source, recorded_by, recorded_at
                from consents where customer_id = ? order by recorded_at, id
              """),
          new ExportDataset(
              "risk_decisions",
              """
              select d.transaction_id, d.decision_id, d.outcome, d.score, d.reasons,
                     d.rule_versions, d.decided_at
                from risk_decisions d
                join transactions t on t.id = d.transaction_id
                join accounts a on a.id = t.account_id
               where a.customer_id = ?
               order by d.decided_at, d.transaction_id
              """),
          new ExportDataset(
              "alerts",
              """
              select alert_id, transaction_id, account_id, rule, severity, detail, raised_at,
                     status, closed_as, updated_at
                from alerts where customer_id = ? order by raised_at, alert_id
              """),
          new ExportDataset(
              "audit_events",
              """
              select id, chain_id, occurred_at, actor, role, action, resource_type, resource_id,
                     outcome, details
                from audit_logs where subject_id = ?::text order by occurred_at, id
              """),
          new ExportDataset(
              "privacy_requests",
              """
              select id, type, status, received_at, due_at, requested_by, approved_by,
                     approved_at, rejected_by, rejected_at, rejection_reason, started_at,
                     completed_at
                from data_subject_requests where subject_id = ? order by received_at, id
              """));
}
