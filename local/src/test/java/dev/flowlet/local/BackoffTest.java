package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromOneSecondUpToThirtySeconds() {
    Backoff backoff = new Backoff();
    assertThat(
            java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> backoff.after(Duration.ofSeconds(2)).toSeconds())
                .toList())
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
  }

  @Test
  void startsAgainAtOneSecondAfterAMinuteUp() {
    Backoff backoff = new Backoff();
    backoff.after(Duration.ZERO);
    backoff.after(Duration.ZERO);
    assertThat(backoff.after(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
  }
}
