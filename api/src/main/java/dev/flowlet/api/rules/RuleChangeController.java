package dev.flowlet.api.rules;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.api.rules.RuleChange.Status;
import dev.flowlet.events.Alert.Severity;
import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/rules}: the screening rules in force, and changes to them under maker-checker. A
 * compliance officer proposes; a different person with the approver role approves or rejects. The
 * approved version goes to the streams processor through the outbox and is in force within seconds,
 * without a restart.
 */
@RestController
@RequestMapping("/api/v1/rules")
class RuleChangeController {

  private final RuleDefinitions definitions;
  private final RuleApproval approval;
  private final AuditTrail audit;
  private final Clock clock;

  RuleChangeController(
      RuleDefinitions definitions, RuleApproval approval, AuditTrail audit, Clock clock) {
    this.definitions = definitions;
    this.approval = approval;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  List<RuleDefinition> current() {
    return definitions.current();
  }

  @PostMapping("/changes")
  @Transactional
  ResponseEntity<RuleChange> propose(
      @Valid @RequestBody ProposeRuleChange command,
      Authentication user,
      HttpServletRequest request) {
    RuleCatalog.Entry entry =
        RuleCatalog.entry(command.rule())
            .orElseThrow(() -> new InvalidRequestException("rule", "is not a rule Flowlet knows"));
    Map<String, String> proposed = command.parameters() == null ? Map.of() : command.parameters();
    var errors = RuleProposalCheck.check(entry, proposed);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    RuleDefinition base = definitions.current(entry.id()).orElse(entry.defaults());
    Map<String, String> parameters = new LinkedHashMap<>(base.parameters());
    parameters.putAll(proposed);
    Actor actor = Actor.of(user, request);
    RuleChange change =
        new RuleChange(
            UUID.randomUUID(),
            entry.id(),
            base.version(),
            command.enabled() == null ? base.enabled() : command.enabled(),
            command.score() == null ? base.score() : command.score(),
            command.severity() == null ? base.severity() : command.severity(),
            parameters,
            command.reason(),
            Status.PENDING,
            actor.name(),
            now(),
            null,
            null,
            null,
            null);
    definitions.insert(change);
    audit.record(
        actor,
        "rule.change_proposed",
        "rule_change",
        change.id().toString(),
        null,
        Outcome.SUCCESS,
        Map.of("rule", change.rule(), "baseVersion", Long.toString(change.baseVersion())));
    return ResponseEntity.created(URI.create("/api/v1/rules/changes/" + change.id())).body(change);
  }

  @GetMapping("/changes")
  List<RuleChange> changes(@RequestParam(required = false) Status status) {
    return definitions.changes(status);
  }

  @GetMapping("/changes/{id}")
  RuleChange change(@PathVariable UUID id) {
    return definitions.change(id, false).orElseThrow(() -> new NotFoundException("rule change"));
  }

  @PostMapping("/changes/{id}/approve")
  RuleChange approve(
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) Decision decision,
      Authentication user,
      HttpServletRequest request) {
    return approval.approve(
        id, decision == null ? null : decision.reason(), Actor.of(user, request));
  }

  @PostMapping("/changes/{id}/reject")
  RuleChange reject(
      @PathVariable UUID id,
      @Valid @RequestBody Decision decision,
      Authentication user,
      HttpServletRequest request) {
    if (decision.reason() == null || decision.reason().isBlank()) {
      throw new InvalidRequestException("reason", "is required to reject a change");
    }
    return approval.reject(id, decision.reason(), Actor.of(user, request));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * @param rule the rule id, e.g. VELOCITY_COUNT
   * @param enabled switch the rule on or off; unchanged when absent
   * @param score the weight of a hit; unchanged when absent
   * @param severity the severity of its alerts; unchanged when absent
   * @param parameters the parameters to change, by name; the others keep their values
   * @param reason why, for the approver and the audit trail
   */
  record ProposeRuleChange(
      @NotBlank String rule,
      Boolean enabled,
      @Min(0) @Max(1000) Integer score,
      Severity severity,
      Map<String, String> parameters,
      @NotBlank @Size(min = 10, max = 500) String reason) {}

  /** An approver's decision, with an optional (approve) or required (reject) reason. */
  record Decision(@Size(max = 500) String reason) {}

  static ConflictException stale() {
    return new ConflictException(
        "The rule changed since this proposal was made; propose the change again");
  }
}
