package dev.flowlet.api.privacy;

import java.util.Set;

/** A request's life cycle; batch-jobs moves RECEIVED ones to RUNNING, COMPLETED or FAILED. */
enum RequestStatus {
  AWAITING_APPROVAL,
  RECEIVED,
  RUNNING,
  COMPLETED,
  REJECTED,
  FAILED;

  /** The statuses of a request still open: a second one of the same type is refused. */
  static final Set<RequestStatus> OPEN = Set.of(AWAITING_APPROVAL, RECEIVED, RUNNING);
}
