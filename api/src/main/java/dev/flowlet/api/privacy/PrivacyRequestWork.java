package dev.flowlet.api.privacy;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.auth.SegregationOfDuties;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives, approves and rejects data subject requests, each step checked against the request's
 * status and audited in the same database transaction. An erasure waits for an approver other than
 * the requester (four eyes); an export is received at once and batch-jobs picks it up.
 */
@Component
class PrivacyRequestWork {

  private final PrivacyRequests requests;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final PrivacySettings settings;
  private final Clock clock;

  PrivacyRequestWork(
      PrivacyRequests requests,
      AuditTrail audit,
      JdbcClient jdbc,
      PrivacySettings settings,
      Clock clock) {
    this.requests = requests;
    this.audit = audit;
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  @Transactional
  UUID receive(UUID subjectId, RequestType type, Actor actor) {
    // Locking the subject orders concurrent requests for them; the unique index of V9 backs this.
    boolean known =
        jdbc.sql("select id from customers where id = ? for update")
            .param(subjectId)
            .query(UUID.class)
            .optional()
            .isPresent();
    if (!known) {
      throw new NotFoundException("data subject");
    }
    if (requests.hasOpen(subjectId, type)) {
      throw new ConflictException("The subject already has an open " + type + " request");
    }
    UUID id = UUID.randomUUID();
    Instant now = now();
    RequestStatus status =
        type == RequestType.ERASURE ? RequestStatus.AWAITING_APPROVAL : RequestStatus.RECEIVED;
    try {
      requests.insert(
          id, subjectId, type, status, actor.name(), now, now.plus(settings.answerWithin()));
    } catch (DuplicateKeyException e) {
      throw new ConflictException("The subject already has an open " + type + " request");
    }
    audit.record(
        actor,
        "privacy.request.received",
        "privacy_request",
        id.toString(),
        subjectId.toString(),
        Outcome.SUCCESS,
        Map.of("type", type.name(), "status", status.name()));
    return id;
  }

  @Transactional
  PrivacyRequest approve(UUID id, Actor actor) {
    PrivacyRequest request = awaitingApproval(id, "approved");
    SegregationOfDuties.requireDifferentPeople(request.requestedBy(), actor.name());
    requests.approve(id, actor.name(), now());
    audit.record(
        actor,
        "privacy.request.approved",
        "privacy_request",
        id.toString(),
        request.subjectId().toString(),
        Outcome.SUCCESS,
        Map.of("type", request.type().name()));
    return requests.find(id, false).orElseThrow();
  }

  @Transactional
  PrivacyRequest reject(UUID id, String reason, Actor actor) {
    PrivacyRequest request = awaitingApproval(id, "rejected");
    SegregationOfDuties.requireDifferentPeople(request.requestedBy(), actor.name());
    requests.reject(id, actor.name(), reason, now());
    // The reason is free text and may name the person: it stays in the request, not in the audit.
    audit.record(
        actor,
        "privacy.request.rejected",
        "privacy_request",
        id.toString(),
        request.subjectId().toString(),
        Outcome.SUCCESS,
        Map.of("type", request.type().name()));
    return requests.find(id, false).orElseThrow();
  }

  private PrivacyRequest awaitingApproval(UUID id, String what) {
    PrivacyRequest request =
        requests.find(id, true).orElseThrow(() -> new NotFoundException("privacy request"));
    if (request.status() != RequestStatus.AWAITING_APPROVAL) {
      throw new ConflictException(
          "A request that is %s cannot be %s".formatted(request.status(), what));
    }
    return request;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
