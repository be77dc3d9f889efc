package dev.flowlet.streams.rules.evaluation;

/** Whose behaviour a rule watches, and so whose alerts it de-duplicates. */
public enum Scope {
  /** One account's movements. */
  ACCOUNT,
  /** All movements of one customer, across their accounts. */
  CUSTOMER
}
