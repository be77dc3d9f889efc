package dev.flowlet.api.transactions;

/** The kinds of money movement Flowlet records, and which way each moves the account's money. */
enum TransactionType {
  /** Cash or funds paid in. */
  DEPOSIT(false),
  /** Cash or funds taken out. */
  WITHDRAWAL(true),
  /** From the account to another Flowlet account, debit and credit in one database transaction. */
  TRANSFER(true),
  /** A card payment to a merchant. */
  CARD_PAYMENT(true),
  /** Money a merchant gave back. */
  REFUND(false);

  private final boolean debit;

  TransactionType(boolean debit) {
    this.debit = debit;
  }

  /** Whether the movement takes money out of the account (and so needs available funds). */
  boolean debitsAccount() {
    return debit;
  }
}
