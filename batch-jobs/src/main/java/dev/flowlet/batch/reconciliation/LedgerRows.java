package dev.flowlet.batch.reconciliation;

/**
 * How the ledger looks from one account ({@code :account}): its rows are the transactions of the
 * account and the transfers into it; money in (DEPOSIT, REFUND, a TRANSFER to it) is positive,
 * money out (WITHDRAWAL, CARD_PAYMENT, a TRANSFER from it) negative; a row's date is its {@code
 * occurred_at} in the reconciliation zone ({@code :zone}). SQL fragments over {@code transactions
 * t}.
 */
final class LedgerRows {

  static final String OF_ACCOUNT =
      "(t.account_id = :account or t.counterparty_account_id = :account)";

  static final String SIGNED_AMOUNT =
      """
      (case when t.account_id = :account and t.type in ('DEPOSIT', 'REFUND') then t.amount
            when t.account_id = :account then -t.amount
            else t.amount end)""";

  static final String DAY = "((t.occurred_at at time zone :zone)::date)";

  private LedgerRows() {}
}
