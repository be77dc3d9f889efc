package dev.flowlet.streams.screening;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.streams.rules.LargeAmountRule;
import dev.flowlet.streams.rules.RiskScoring;
import dev.flowlet.streams.rules.RuleHit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Screens one transaction: runs the rules, scores the hits, and derives the decision, its alerts
 * and its audit event. Ids are derived from the transaction, so processing a transaction twice
 * yields the same ids and downstream stores overwrite instead of duplicating.
 */
public final class Screening {

  /** The audit chain of every decision. */
  static final String DECISION_CHAIN = "risk-decisions";

  static final String ACTOR = "streams-processor";

  private final LargeAmountRule largeAmount;
  private final RiskScoring scoring;
  private final Clock clock;

  public Screening(LargeAmountRule largeAmount, RiskScoring scoring, Clock clock) {
    this.largeAmount = largeAmount;
    this.scoring = scoring;
    this.clock = clock;
  }

  /** Screens {@code transaction} and returns its decision with everything it raises. */
  public Screened screen(TransactionRecorded transaction) {
    List<RuleHit> hits = largeAmount.evaluate(transaction).stream().toList();
    int score = scoring.score(hits);
    Instant now = clock.instant();
    RiskDecision decision =
        new RiskDecision(
            RiskDecision.SCHEMA_VERSION,
            id("decision", transaction.transactionId()),
            transaction.transactionId(),
            transaction.accountId(),
            transaction.customerId(),
            score,
            scoring.outcome(score),
            hits.stream()
                .map(hit -> new RiskDecision.Reason(hit.rule(), hit.detail(), hit.score()))
                .toList(),
            transaction.occurredAt(),
            now,
            Map.of(LargeAmountRule.ID, 1L));
    List<Alert> alerts = hits.stream().map(hit -> alert(transaction, hit, now)).toList();
    return new Screened(decision, alerts, audit(decision, now));
  }

  private static Alert alert(TransactionRecorded transaction, RuleHit hit, Instant now) {
    return new Alert(
        Alert.SCHEMA_VERSION,
        id("alert", hit.rule() + ":" + transaction.transactionId()),
        transaction.transactionId(),
        transaction.accountId(),
        transaction.customerId(),
        hit.rule(),
        hit.severity(),
        hit.detail(),
        now);
  }

  private static AuditEvent audit(RiskDecision decision, Instant now) {
    return new AuditEvent(
        AuditEvent.SCHEMA_VERSION,
        id("audit", decision.decisionId()),
        DECISION_CHAIN,
        now,
        ACTOR,
        "SYSTEM",
        "risk.decided",
        "transaction",
        decision.transactionId(),
        decision.customerId(),
        "SUCCESS",
        null,
        null,
        Map.of(
            "decisionId", decision.decisionId(),
            "outcome", decision.outcome().name(),
            "score", Integer.toString(decision.score()),
            "rules",
                decision.reasons().stream()
                    .map(RiskDecision.Reason::rule)
                    .collect(Collectors.joining(","))));
  }

  private static String id(String kind, String source) {
    return UUID.nameUUIDFromBytes((kind + ":" + source).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** A decision with the alerts and the audit event it raises. */
  public record Screened(RiskDecision decision, List<Alert> alerts, AuditEvent audit) {}
}
