package dev.flowlet.api.privacy;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits an approval or rejection refused under four eyes (the requester deciding their own
 * request). The refused decision rolls back, so its audit record is written in a transaction of its
 * own: an attempt to bypass segregation of duties leaves a trace (SOX).
 */
@Component
class RefusedDecisions {

  private final PrivacyRequests requests;
  private final AuditTrail audit;

  RefusedDecisions(PrivacyRequests requests, AuditTrail audit) {
    this.requests = requests;
    this.audit = audit;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void record(UUID requestId, String decision, Actor actor) {
    String subject =
        requests.find(requestId, false).map(r -> r.subjectId().toString()).orElse(null);
    audit.record(
        actor,
        "privacy.request." + decision,
        "privacy_request",
        requestId.toString(),
        subject,
        Outcome.FAILURE,
        Map.of("refused", "segregation-of-duties"));
  }
}
