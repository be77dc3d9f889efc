package dev.flowlet.streams.screening;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.streams.rules.Evaluation;
import dev.flowlet.streams.rules.RiskScoring;
import dev.flowlet.streams.rules.RuleCompiler;
import dev.flowlet.streams.rules.RuleEngine;
import dev.flowlet.streams.rules.RuleHit;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Everything the screening topology needs besides Kafka: the rule compiler (for definitions from
 * the rules topic), the rule engine, the scoring, and the clock that stamps decisions. Turns what
 * the rules found into the decision, its alerts and its audit event. Ids are derived from the
 * transaction (and, for alerts, from the rule, account or customer and alert window), so processing
 * a transaction twice yields the same ids and downstream stores overwrite instead of duplicating.
 */
public final class Screening {

  /** The audit chain of every decision. */
  static final String DECISION_CHAIN = "risk-decisions";

  static final String ACTOR = "streams-processor";

  private final RuleCompiler compiler;
  private final RuleEngine engine;
  private final RiskScoring scoring;
  private final Clock clock;
  private final TransactionCheck check;

  public Screening(RuleCompiler compiler, RuleEngine engine, RiskScoring scoring, Clock clock) {
    this.compiler = compiler;
    this.engine = engine;
    this.scoring = scoring;
    this.clock = clock;
    this.check = new TransactionCheck(compiler.currency());
  }

  /**
   * Screening wired as the app wires it, every {@code flowlet.screening.*} setting at its default
   * and the shipped sample sanctions list: for tools such as the benchmark, and tests.
   */
  public static Screening withDefaultSettings(Clock clock) {
    ScreeningSettings settings =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("flowlet.screening", ScreeningSettings.class);
    return ScreeningConfiguration.wire(settings, SanctionsListFile.bundledSample(), clock);
  }

  RuleCompiler compiler() {
    return compiler;
  }

  RuleEngine engine() {
    return engine;
  }

  TransactionCheck check() {
    return check;
  }

  /** The decision on {@code movement} with everything it raises. */
  Screened decide(Movement movement, Evaluation evaluation) {
    List<RuleHit> hits = evaluation.hits();
    int score = 0;
    List<RiskDecision.Reason> reasons = new ArrayList<>(hits.size());
    for (RuleHit hit : hits) {
      score += hit.score();
      reasons.add(new RiskDecision.Reason(hit.rule(), hit.detail(), hit.score()));
    }
    Instant now = clock.instant();
    RiskDecision decision =
        new RiskDecision(
            RiskDecision.SCHEMA_VERSION,
            id("decision", movement.transactionId()),
            movement.transactionId(),
            movement.accountId(),
            movement.customerId(),
            score,
            scoring.outcome(score),
            reasons,
            movement.occurredAt(),
            now,
            evaluation.ruleVersions());
    List<Alert> alerts =
        hits.isEmpty()
            ? List.of()
            : hits.stream()
                .filter(RuleHit::raisesAlert)
                .map(hit -> alert(movement, hit, now))
                .toList();
    return new Screened(decision, alerts, audit(decision, now));
  }

  private static Alert alert(Movement movement, RuleHit hit, Instant now) {
    return new Alert(
        Alert.SCHEMA_VERSION,
        id("alert", hit.rule() + ":" + hit.scopeId() + ":" + hit.alertWindowStart()),
        movement.transactionId(),
        movement.accountId(),
        movement.customerId(),
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
                    .collect(Collectors.joining(",")),
            "ruleVersions",
                decision.ruleVersions().entrySet().stream()
                    .map(entry -> entry.getKey() + ":" + entry.getValue())
                    .collect(Collectors.joining(","))));
  }

  /**
   * The same name-based (version 3) UUID as {@link UUID#nameUUIDFromBytes}, with one MD5 digest per
   * thread instead of a provider look-up per id: three ids per transaction add up.
   */
  static String id(String kind, String source) {
    MessageDigest md5 = MD5.get();
    byte[] hash = md5.digest((kind + ":" + source).getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash);
    return new UUID(bytes.getLong(), bytes.getLong()).toString();
  }

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("Every Java platform has MD5", e);
            }
          });

  /** A decision with the alerts and the audit event it raises. */
  public record Screened(RiskDecision decision, List<Alert> alerts, AuditEvent audit) {}
}
