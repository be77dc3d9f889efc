package dev.flowlet.api.rules;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.auth.SegregationOfDuties;
import dev.flowlet.api.outbox.Outbox;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.api.rules.RuleChange.Status;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checker's half of maker-checker: approving a pending change makes it the rule's next version
 * and publishes it; rejecting closes it. Nobody decides on their own proposal.
 */
@Component
class RuleApproval {

  private final RuleDefinitions definitions;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final Clock clock;

  RuleApproval(RuleDefinitions definitions, Outbox outbox, AuditTrail audit, Clock clock) {
    this.definitions = definitions;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  RuleChange approve(UUID id, String reason, Actor approver) {
    RuleChange change = pending(id, approver);
    long version = change.baseVersion() + 1;
    Instant now = now();
    RuleDefinition definition =
        new RuleDefinition(
            RuleDefinition.SCHEMA_VERSION,
            change.rule(),
            version,
            change.enabled(),
            change.score(),
            change.severity(),
            change.parameters(),
            change.id().toString(),
            change.proposedBy(),
            approver.name(),
            now);
    if (!definitions.insert(definition)) {
      throw RuleChangeController.stale();
    }
    RuleChange approved = decided(change, Status.APPROVED, approver, now, reason, version);
    definitions.decide(approved);
    outbox.append(Topics.RULES, definition.rule(), definition);
    audit.record(
        approver,
        "rule.change_approved",
        "rule_change",
        id.toString(),
        null,
        Outcome.SUCCESS,
        Map.of(
            "rule", change.rule(),
            "version", Long.toString(version),
            "proposedBy", change.proposedBy()));
    return approved;
  }

  @Transactional
  RuleChange reject(UUID id, String reason, Actor approver) {
    RuleChange change = pending(id, approver);
    RuleChange rejected = decided(change, Status.REJECTED, approver, now(), reason, null);
    definitions.decide(rejected);
    audit.record(
        approver,
        "rule.change_rejected",
        "rule_change",
        id.toString(),
        null,
        Outcome.SUCCESS,
        Map.of("rule", change.rule(), "proposedBy", change.proposedBy()));
    return rejected;
  }

  private RuleChange pending(UUID id, Actor approver) {
    RuleChange change =
        definitions.change(id, true).orElseThrow(() -> new NotFoundException("rule change"));
    SegregationOfDuties.requireDifferentPeople(change.proposedBy(), approver.name());
    if (change.status() != Status.PENDING) {
      throw new ConflictException(
          "This change was already " + change.status().name().toLowerCase());
    }
    return change;
  }

  private static RuleChange decided(
      RuleChange change, Status status, Actor approver, Instant at, String reason, Long version) {
    return new RuleChange(
        change.id(),
        change.rule(),
        change.baseVersion(),
        change.enabled(),
        change.score(),
        change.severity(),
        change.parameters(),
        change.reason(),
        status,
        change.proposedBy(),
        change.proposedAt(),
        approver.name(),
        at,
        reason,
        version);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
