package dev.flowlet.api.auth;

import dev.flowlet.api.problems.ForbiddenException;
import java.util.Locale;

/**
 * Four eyes (SOX segregation of duties): whoever requested a change cannot also approve it. Rule
 * approvals, GDPR erasure and any other maker-checker flow call {@link #requireDifferentPeople}
 * before they act on an approval; the violation is answered 403 problem+json.
 */
public final class SegregationOfDuties {

  /**
   * The problem type of a violation: {@code https://flowlet.dev/problems/segregation-of-duties}.
   */
  public static final String PROBLEM_TYPE = "segregation-of-duties";

  private SegregationOfDuties() {}

  /**
   * Refuses an approval by the person who proposed the request.
   *
   * @param proposer the user name that made the request
   * @param approver the user name approving or rejecting it
   * @throws ForbiddenException when both are the same person (user names compare without case)
   * @throws IllegalArgumentException when either is missing: then nobody can tell who acted
   */
  public static void requireDifferentPeople(String proposer, String approver) {
    if (proposer == null || proposer.isBlank() || approver == null || approver.isBlank()) {
      throw new IllegalArgumentException("Both the proposer and the approver must be known");
    }
    if (proposer
        .strip()
        .toLowerCase(Locale.ROOT)
        .equals(approver.strip().toLowerCase(Locale.ROOT))) {
      throw new ForbiddenException(PROBLEM_TYPE, "You cannot approve your own request");
    }
  }
}
