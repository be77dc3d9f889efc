package dev.flowlet.api.auth;

import dev.flowlet.api.problems.ForbiddenException;

/** Four eyes: whoever asked for something may not also be the one who approves it. */
public final class SegregationOfDuties {

  private SegregationOfDuties() {}

  /**
   * @throws ForbiddenException when {@code approver} is {@code requester}
   */
  public static void requireDifferentPeople(String requester, String approver) {
    if (requester.equals(approver)) {
      throw new ForbiddenException("You cannot approve or reject your own request");
    }
  }
}
