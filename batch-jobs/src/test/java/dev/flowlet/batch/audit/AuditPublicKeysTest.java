package dev.flowlet.batch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AuditPublicKeysTest {

  private static final String DEMO = AuditChainVerificationJobConfiguration.DEMO_PUBLIC_KEY;
  private static final String OWN = "MCowBQYDK2VwAyEADYDs1RtxmeV/xEazmXEHI3MRgBTURjcI7Yh7yMu4FOA=";

  @Test
  void refusesTheDemoPublicKeyAndNoKeyAtAllOutsideTheLocalProfile() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThatThrownBy(
            () ->
                AuditChainVerificationJobConfiguration.publicKeys(
                    settings("own:" + OWN + ",local-demo:" + DEMO), prod))
        .hasMessageContaining("demo key");
    assertThatThrownBy(() -> AuditChainVerificationJobConfiguration.publicKeys(settings(""), prod))
        .hasMessageContaining("FLOWLET_AUDIT_PUBLIC_KEYS");
    assertThat(AuditChainVerificationJobConfiguration.publicKeys(settings("own:" + OWN), prod))
        .containsOnlyKeys("own");
  }

  @Test
  void acceptsTheDemoKeyInTheLocalProfile() {
    MockEnvironment local = new MockEnvironment();
    local.setActiveProfiles("local");

    assertThat(
            AuditChainVerificationJobConfiguration.publicKeys(
                settings("local-demo:" + DEMO), local))
        .containsOnlyKeys("local-demo");
  }

  private static AuditSettings settings(String keys) {
    return new AuditSettings("-", keys, 5000, Duration.ofMinutes(5));
  }
}
