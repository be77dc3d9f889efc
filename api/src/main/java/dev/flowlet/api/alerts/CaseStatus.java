package dev.flowlet.api.alerts;

import java.util.Optional;
import java.util.Set;

/** Where an alert case stands, and which steps lead where. Plain rules, no I/O. */
enum CaseStatus {
  OPEN,
  ASSIGNED,
  INVESTIGATING,
  /** A HIGH or CRITICAL alert someone asked to close; a different approver decides. */
  CLOSE_REQUESTED,
  CLOSED;

  /** What an officer or approver can do to a case. */
  enum Step {
    ASSIGN,
    INVESTIGATE,
    NOTE,
    CLOSE,
    APPROVE_CLOSE,
    REJECT_CLOSE
  }

  private static final Set<String> NEEDS_SECOND_PERSON = Set.of("HIGH", "CRITICAL");

  /**
   * The status after {@code step}, or empty when the step is not allowed from this status.
   *
   * @param severity the alert's severity; closing HIGH and CRITICAL alerts needs approval
   */
  Optional<CaseStatus> after(Step step, String severity) {
    return switch (step) {
      case ASSIGN ->
          this == CLOSED || this == CLOSE_REQUESTED ? Optional.empty() : Optional.of(ASSIGNED);
      case INVESTIGATE ->
          this == ASSIGNED || this == INVESTIGATING ? Optional.of(INVESTIGATING) : Optional.empty();
      case NOTE -> this == CLOSED ? Optional.empty() : Optional.of(this);
      case CLOSE ->
          this == CLOSED || this == CLOSE_REQUESTED
              ? Optional.empty()
              : Optional.of(NEEDS_SECOND_PERSON.contains(severity) ? CLOSE_REQUESTED : CLOSED);
      case APPROVE_CLOSE -> this == CLOSE_REQUESTED ? Optional.of(CLOSED) : Optional.empty();
      case REJECT_CLOSE -> this == CLOSE_REQUESTED ? Optional.of(INVESTIGATING) : Optional.empty();
    };
  }
}
