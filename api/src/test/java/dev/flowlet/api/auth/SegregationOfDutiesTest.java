package dev.flowlet.api.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlet.api.problems.ForbiddenException;
import org.junit.jupiter.api.Test;

class SegregationOfDutiesTest {

  @Test
  void refusesAnApprovalByTheProposer() {
    assertThatThrownBy(() -> SegregationOfDuties.requireDifferentPeople("alice", "alice"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("You cannot approve your own request")
        .extracting(e -> ((ForbiddenException) e).type())
        .isEqualTo("segregation-of-duties");
  }

  @Test
  void comparesUserNamesWithoutCaseOrSurroundingSpace() {
    assertThatThrownBy(() -> SegregationOfDuties.requireDifferentPeople("Alice", " alice "))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void allowsAnApprovalBySomeoneElse() {
    assertThatCode(() -> SegregationOfDuties.requireDifferentPeople("alice", "bob"))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesToDecideWhenEitherPersonIsUnknown() {
    assertThatThrownBy(() -> SegregationOfDuties.requireDifferentPeople(null, "bob"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SegregationOfDuties.requireDifferentPeople("alice", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
