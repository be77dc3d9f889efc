package dev.flowlet.api.transactions;

/** The kinds of money movement Flowlet records. */
enum TransactionType {
  DEPOSIT,
  WITHDRAWAL,
  TRANSFER,
  CARD_PAYMENT,
  REFUND
}
