package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RetentionPolicyTest {

  private static final JsonNode PHASES = ShippedTemplates.retentionPolicy().at("/policy/phases");

  @Test
  void goesFromHotToWarmAfterThirtyDays() {
    assertThat(PHASES.has("hot")).isTrue();
    assertThat(age("warm")).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void keepsTheLastEventOfAMonthlyIndexForAtLeastSevenYears() {
    Duration sevenYears = Duration.ofDays(2555);
    Duration longestMonth = Duration.ofDays(31);

    // The index's age counts from its creation, when the month's first event arrived.
    assertThat(age("delete")).isGreaterThanOrEqualTo(sevenYears.plus(longestMonth));
    assertThat(PHASES.at("/delete/actions").has("delete")).isTrue();
  }

  @Test
  void neverBlocksWritesToOldMonthsThatReplaysAndErasureStillUpdate() {
    for (JsonNode phase : PHASES) {
      assertThat(phase.path("actions").propertyNames())
          .doesNotContain("readonly", "forcemerge", "shrink", "searchable_snapshot", "freeze");
    }
  }

  private static Duration age(String phase) {
    String minAge = PHASES.path(phase).path("min_age").asString();
    assertThat(minAge).as("min_age of %s", phase).endsWith("d");
    return Duration.ofDays(Long.parseLong(minAge.substring(0, minAge.length() - 1)));
  }
}
