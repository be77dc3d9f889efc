package dev.flowlet.api.audit;

import dev.flowlet.api.problems.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/compliance/audit/{eventId}/verification}: whether one audit event is intact,
 * for compliance officers and auditors. Every call is itself audited ({@code audit.verified}), also
 * for an unknown id.
 */
@RestController
class AuditVerificationController {

  private final VerifyingAuditEvents verifying;
  private final AuditTrail trail;
  private final TransactionTemplate transactions;

  AuditVerificationController(
      VerifyingAuditEvents verifying, AuditTrail trail, TransactionTemplate transactions) {
    this.verifying = verifying;
    this.trail = trail;
    this.transactions = transactions;
  }

  @GetMapping("/api/v1/compliance/audit/{eventId}/verification")
  EventVerification verify(
      @PathVariable String eventId, Authentication user, HttpServletRequest request) {
    Actor actor = Actor.of(user, request);
    String id = eventId.length() > 100 ? eventId.substring(0, 100) : eventId;
    EventVerification verification;
    try {
      verification = verifying.verify(id);
    } catch (NotFoundException e) {
      record(actor, id, AuditTrail.Outcome.FAILURE, Map.of("verdict", "NOT_FOUND"));
      throw e;
    }
    record(actor, id, AuditTrail.Outcome.SUCCESS, Map.of("verdict", verification.verdict()));
    return verification;
  }

  private void record(
      Actor actor, String eventId, AuditTrail.Outcome outcome, Map<String, String> details) {
    transactions.executeWithoutResult(
        status ->
            trail.record(actor, "audit.verified", "audit-event", eventId, null, outcome, details));
  }
}
