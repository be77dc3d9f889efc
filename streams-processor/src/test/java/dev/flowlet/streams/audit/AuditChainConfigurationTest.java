package dev.flowlet.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AuditChainConfigurationTest {

  private static final String DEMO_KEY =
      "MC4CAQAwBQYDK2VwBCIEIM4Tq2xq4wAZinKioqLSJq5Psqdl0XL71PGMsF13f1ue";
  private static final String OWN_KEY =
      "MC4CAQAwBQYDK2VwBCIEIOtd6xXRe2WrA8nKun+vGkgFB46gMzq3fhctxaYzjMcr";

  private final AuditChainConfiguration configuration = new AuditChainConfiguration();

  @Test
  void refusesTheDemoSigningKeyOutsideTheLocalProfile() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThatThrownBy(() -> configuration.checkpointSigner(settings(DEMO_KEY), prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_AUDIT_SIGNING_KEY")
        .hasMessageNotContaining(DEMO_KEY);
  }

  @Test
  void acceptsTheDemoKeyLocallyAndAnOwnKeyAnywhere() {
    MockEnvironment local = new MockEnvironment();
    local.setActiveProfiles("local");
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThat(configuration.checkpointSigner(settings(DEMO_KEY), local)).isNotNull();
    assertThat(configuration.checkpointSigner(settings(OWN_KEY), prod).toString())
        .isEqualTo("CheckpointSigner[k1]");
  }

  private static AuditChainSettings settings(String key) {
    return new AuditChainSettings(key, "k1", 1000, Duration.ofSeconds(60), Duration.ofDays(7));
  }
}
