package dev.flowlet.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of screening one transaction: a score, an outcome, and every rule that fired with a
 * reason an analyst can read.
 *
 * @param schemaVersion version of this record's schema
 * @param decisionId unique id of this decision
 * @param transactionId the screened transaction (also the Kafka key)
 * @param accountId its account
 * @param customerId its account holder
 * @param score sum of the weights of the rules that fired
 * @param outcome what to do with the transaction
 * @param reasons every rule that fired
 * @param occurredAt when the transaction happened
 * @param decidedAt when the decision was made
 * @param ruleVersions the version of every rule definition the decision was made with, by rule id
 */
public record RiskDecision(
    int schemaVersion,
    String decisionId,
    String transactionId,
    String accountId,
    String customerId,
    int score,
    Outcome outcome,
    List<Reason> reasons,
    Instant occurredAt,
    Instant decidedAt,
    Map<String, Long> ruleVersions) {

  public static final int SCHEMA_VERSION = 1;

  /** What a decision asks for. */
  public enum Outcome {
    APPROVE,
    REVIEW,
    HOLD
  }

  /**
   * One rule that fired.
   *
   * @param rule the rule id, e.g. {@code LARGE_AMOUNT}
   * @param detail why it fired, in words an analyst reads without opening code
   * @param score the weight it added
   */
  public record Reason(String rule, String detail, int score) {}
}
