package dev.flowlet.api.privacy;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of data subject requests, each audited like any other read of personal data: a request
 * names its subject and what is being done with their data, so who looked at it is kept (GDPR
 * accountability), in the same transaction as the read.
 */
@Component
class PrivacyRequestReads {

  static final String READ = "privacy.request.read";
  static final String LISTED = "privacy.request.listed";
  private static final String RESOURCE_TYPE = "privacy_request";

  private final PrivacyRequests requests;
  private final AuditTrail audit;

  PrivacyRequestReads(PrivacyRequests requests, AuditTrail audit) {
    this.requests = requests;
    this.audit = audit;
  }

  /** The request, audited as read when it exists. */
  @Transactional
  Optional<PrivacyRequest> read(UUID id, Actor actor) {
    Optional<PrivacyRequest> found = requests.find(id, false);
    found.ifPresent(
        request ->
            audit.record(
                actor,
                READ,
                RESOURCE_TYPE,
                id.toString(),
                request.subjectId().toString(),
                Outcome.SUCCESS,
                Map.of("type", request.type().name())));
    return found;
  }

  /**
   * Newest first, at most {@code limit}; null filters match everything. One audit record per
   * listing: its subject is the subject filtered on (or the only subject listed), and its details
   * name every subject whose requests were listed, so a search for a subject finds the listing.
   */
  @Transactional
  List<PrivacyRequest> list(RequestStatus status, UUID subjectId, int limit, Actor actor) {
    List<PrivacyRequest> listed = requests.list(status, subjectId, limit);
    List<UUID> subjects = listed.stream().map(PrivacyRequest::subjectId).distinct().toList();
    UUID subject = subjectId != null || subjects.size() != 1 ? subjectId : subjects.getFirst();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("returned", Integer.toString(listed.size()));
    if (status != null) {
      details.put("status", status.name());
    }
    if (!subjects.isEmpty()) {
      details.put("subjects", String.join(",", subjects.stream().map(UUID::toString).toList()));
    }
    audit.record(
        actor,
        LISTED,
        RESOURCE_TYPE,
        null,
        subject == null ? null : subject.toString(),
        Outcome.SUCCESS,
        details);
    return listed;
  }
}
