package dev.flowlet.api.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert with where its case stands, and (when read one by one) its history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AlertCase(
    String alertId,
    UUID transactionId,
    UUID accountId,
    UUID customerId,
    String rule,
    String severity,
    String detail,
    Instant raisedAt,
    CaseStatus status,
    String assignee,
    String closedAs,
    String closeRequestedBy,
    String closedBy,
    Instant updatedAt,
    List<Event> history) {

  AlertCase withHistory(List<Event> events) {
    return new AlertCase(
        alertId,
        transactionId,
        accountId,
        customerId,
        rule,
        severity,
        detail,
        raisedAt,
        status,
        assignee,
        closedAs,
        closeRequestedBy,
        closedBy,
        updatedAt,
        events);
  }

  /** One step in a case's history. */
  record Event(
      Instant occurredAt,
      String actor,
      String action,
      CaseStatus fromStatus,
      CaseStatus toStatus,
      String note) {}
}
