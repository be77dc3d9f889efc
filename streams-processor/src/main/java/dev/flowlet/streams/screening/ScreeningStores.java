package dev.flowlet.streams.screening;

/** Names of the screening topology's state stores: they name changelog topics, never rename. */
final class ScreeningStores {

  /** Global, from {@code flowlet.rules.v1}: the accepted definition of each rule, by rule id. */
  static final String RULE_DEFINITIONS = "rule-definitions";

  /** Per account id: recent movements, amount statistics, devices, activity, alert windows. */
  static final String ACCOUNT_HISTORY = "account-history";

  /** Per customer id: recent deposits, last channel country, alert windows. */
  static final String CUSTOMER_HISTORY = "customer-history";

  private ScreeningStores() {}
}
