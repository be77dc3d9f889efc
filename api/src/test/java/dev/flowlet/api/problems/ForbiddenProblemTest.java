package dev.flowlet.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.auth.SegregationOfDuties;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ForbiddenProblemTest {

  @Test
  void answersASegregationOfDutiesViolationWith403ProblemDetails() {
    ForbiddenException violation =
        org.junit.jupiter.api.Assertions.assertThrows(
            ForbiddenException.class,
            () -> SegregationOfDuties.requireDifferentPeople("alice", "alice"));

    ResponseEntity<ProblemDetail> answer = new ProblemHandling().forbidden(violation);

    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(answer.getBody().getType().toString())
        .isEqualTo("https://flowlet.dev/problems/segregation-of-duties");
    assertThat(answer.getBody().getDetail()).isEqualTo("You cannot approve your own request");
  }
}
