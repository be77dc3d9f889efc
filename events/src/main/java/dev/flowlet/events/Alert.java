package dev.flowlet.events;

import java.time.Instant;

/**
 * A decision over threshold that a compliance officer must look at.
 *
 * @param schemaVersion version of this record's schema
 * @param alertId unique, deterministic id (one per rule, account and window), also the Kafka key
 * @param transactionId the transaction that raised it
 * @param accountId its account
 * @param customerId its account holder
 * @param rule the rule that fired
 * @param severity how urgent it is
 * @param detail why it fired
 * @param raisedAt when it was raised
 */
public record Alert(
    int schemaVersion,
    String alertId,
    String transactionId,
    String accountId,
    String customerId,
    String rule,
    Severity severity,
    String detail,
    Instant raisedAt) {

  public static final int SCHEMA_VERSION = 1;

  /** How urgent an alert is. */
  public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }
}
