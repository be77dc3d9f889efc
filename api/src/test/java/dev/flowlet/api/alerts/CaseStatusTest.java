package dev.flowlet.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.alerts.CaseStatus.Step;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

  @Test
  void closingAHighOrCriticalAlertOnlyRequestsClosure() {
    assertThat(CaseStatus.INVESTIGATING.after(Step.CLOSE, "HIGH"))
        .contains(CaseStatus.CLOSE_REQUESTED);
    assertThat(CaseStatus.INVESTIGATING.after(Step.CLOSE, "CRITICAL"))
        .contains(CaseStatus.CLOSE_REQUESTED);
    assertThat(CaseStatus.INVESTIGATING.after(Step.CLOSE, "MEDIUM")).contains(CaseStatus.CLOSED);
    assertThat(CaseStatus.OPEN.after(Step.CLOSE, "LOW")).contains(CaseStatus.CLOSED);
  }

  @Test
  void anApproverDecidesOnlyOnARequestedClosure() {
    assertThat(CaseStatus.CLOSE_REQUESTED.after(Step.APPROVE_CLOSE, "HIGH"))
        .contains(CaseStatus.CLOSED);
    assertThat(CaseStatus.CLOSE_REQUESTED.after(Step.REJECT_CLOSE, "HIGH"))
        .contains(CaseStatus.INVESTIGATING);
    assertThat(CaseStatus.INVESTIGATING.after(Step.APPROVE_CLOSE, "HIGH")).isEmpty();
    assertThat(CaseStatus.CLOSE_REQUESTED.after(Step.CLOSE, "HIGH")).isEmpty();
  }

  @Test
  void aClosedCaseStaysClosedAndInvestigationNeedsAnAssignee() {
    for (Step step : Step.values()) {
      assertThat(CaseStatus.CLOSED.after(step, "LOW")).as(step.name()).isEmpty();
    }
    assertThat(CaseStatus.OPEN.after(Step.INVESTIGATE, "LOW")).isEmpty();
    assertThat(CaseStatus.ASSIGNED.after(Step.INVESTIGATE, "LOW"))
        .contains(CaseStatus.INVESTIGATING);
  }
}
