package dev.flowlet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FlowletInfrastructureModeTest {

  @Test
  void isEmbeddedWhenNothingIsSet() {
    assertThat(FlowletInfrastructureMode.select(new Properties(), Map.of()))
        .isEqualTo(FlowletInfrastructureMode.EMBEDDED);
  }

  @Test
  void readsTheEnvironmentVariable() {
    assertThat(
            FlowletInfrastructureMode.select(
                new Properties(), Map.of("FLOWLET_TEST_INFRASTRUCTURE", "Testcontainers")))
        .isEqualTo(FlowletInfrastructureMode.TESTCONTAINERS);
  }

  @Test
  void prefersTheSystemPropertyOverTheEnvironmentVariable() {
    Properties properties = new Properties();
    properties.setProperty("flowlet.test.infrastructure", " embedded ");

    assertThat(
            FlowletInfrastructureMode.select(
                properties, Map.of("FLOWLET_TEST_INFRASTRUCTURE", "testcontainers")))
        .isEqualTo(FlowletInfrastructureMode.EMBEDDED);
  }

  @Test
  void rejectsAnUnknownModeNamingTheSettingAndTheChoices() {
    Properties properties = new Properties();
    properties.setProperty("flowlet.test.infrastructure", "docker");

    assertThatThrownBy(() -> FlowletInfrastructureMode.select(properties, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown test infrastructure 'docker' in system property flowlet.test.infrastructure:"
                + " use 'embedded' (the default) or 'testcontainers'");
  }
}
