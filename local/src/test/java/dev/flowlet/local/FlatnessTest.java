package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FlatnessTest {

  @Test
  void aSeriesThatWobblesAroundALevelIsFlat() {
    List<Double> wobble =
        IntStream.range(0, 90).mapToObj(i -> 100.0 + (i % 2 == 0 ? 8 : -8)).toList();
    assertThat(Flatness.of(wobble, 0.2, 10).flat()).isTrue();
  }

  @Test
  void aSeriesThatKeepsClimbingIsNot() {
    List<Double> leak = IntStream.range(0, 90).mapToObj(i -> 100.0 + i).toList();
    Flatness flatness = Flatness.of(leak, 0.2, 10);
    assertThat(flatness.flat()).isFalse();
    assertThat(flatness.describe()).contains("GROWING");
  }

  @Test
  void smallAbsoluteNoiseOnAZeroLagIsFlat() {
    List<Double> lag = IntStream.range(0, 30).mapToObj(i -> i % 5 == 0 ? 40.0 : 0.0).toList();
    assertThat(Flatness.of(lag, 0.2, 100).flat()).isTrue();
  }
}
