package dev.flowlet.api.alerts;

import dev.flowlet.api.alerts.CaseStatus.Step;
import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.auth.SegregationOfDuties;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works a case one step at a time: each step is checked against the case's status, recorded in its
 * history and audited, in one database transaction.
 */
@Component
class AlertCaseWork {

  private final AlertCases cases;
  private final AuditTrail audit;
  private final Clock clock;

  AlertCaseWork(AlertCases cases, AuditTrail audit, Clock clock) {
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @param assignee for {@link Step#ASSIGN}, who works the case
   * @param closedAs for {@link Step#CLOSE}, TRUE_POSITIVE or FALSE_POSITIVE
   */
  @Transactional
  AlertCase apply(
      String alertId, Step step, Actor actor, String note, String assignee, String closedAs) {
    AlertCase current = cases.find(alertId, true).orElseThrow(() -> new NotFoundException("alert"));
    if (step == Step.APPROVE_CLOSE || step == Step.REJECT_CLOSE) {
      SegregationOfDuties.requireDifferentPeople(current.closeRequestedBy(), actor.name());
    }
    CaseStatus next =
        current
            .status()
            .after(step, current.severity())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "A case that is %s cannot be %s"
                            .formatted(current.status(), describe(step))));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AlertCase updated = updated(current, step, next, actor.name(), assignee, closedAs, now);
    cases.update(
        updated,
        new AlertCase.Event(
            now, actor.name(), "alert." + step.name().toLowerCase(), current.status(), next, note));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", current.status().name());
    details.put("to", next.name());
    details.put("severity", current.severity());
    if (updated.closedAs() != null) {
      details.put("closedAs", updated.closedAs());
    }
    audit.record(
        actor,
        "alert." + step.name().toLowerCase(),
        "alert",
        alertId,
        current.customerId().toString(),
        Outcome.SUCCESS,
        details);
    return updated.withHistory(cases.history(alertId));
  }

  private static AlertCase updated(
      AlertCase c,
      Step step,
      CaseStatus next,
      String actor,
      String assignee,
      String closedAs,
      Instant now) {
    String newAssignee = step == Step.ASSIGN ? assignee : c.assignee();
    String newClosedAs = c.closedAs();
    String requestedBy = c.closeRequestedBy();
    String closedBy = c.closedBy();
    switch (step) {
      case CLOSE -> {
        newClosedAs = closedAs;
        if (next == CaseStatus.CLOSE_REQUESTED) {
          requestedBy = actor;
        } else {
          closedBy = actor;
        }
      }
      case APPROVE_CLOSE -> closedBy = actor;
      case REJECT_CLOSE -> {
        newClosedAs = null;
        requestedBy = null;
      }
      default -> {}
    }
    return new AlertCase(
        c.alertId(),
        c.transactionId(),
        c.accountId(),
        c.customerId(),
        c.rule(),
        c.severity(),
        c.detail(),
        c.raisedAt(),
        next,
        newAssignee,
        newClosedAs,
        requestedBy,
        closedBy,
        now,
        null);
  }

  private static String describe(Step step) {
    return switch (step) {
      case ASSIGN -> "assigned";
      case INVESTIGATE -> "investigated (assign it first)";
      case NOTE -> "annotated";
      case CLOSE -> "closed";
      case APPROVE_CLOSE, REJECT_CLOSE -> "decided on (no closure was requested)";
    };
  }
}
