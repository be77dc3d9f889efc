package dev.flowlet.batch.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalSecretsGuardTest {

  private static final String PUBLIC_DEFAULT =
      "local-only-jwt-secret-not-for-production-0123456789";

  @Test
  void refusesThePublicLocalSecretOutsideTheLocalProfile() {
    LocalSecretsGuard guard =
        new LocalSecretsGuard(
            new MockEnvironment(), new TokenSettings(PUBLIC_DEFAULT, "flowlet-api"));

    assertThatThrownBy(guard::afterPropertiesSet).hasMessageContaining("FLOWLET_JWT_SECRET");
  }

  @Test
  void acceptsThePublicLocalSecretInTheLocalProfileAndARealSecretAnywhere() {
    MockEnvironment local = new MockEnvironment();
    local.setActiveProfiles("local");

    assertThatCode(
            () ->
                new LocalSecretsGuard(local, new TokenSettings(PUBLIC_DEFAULT, "flowlet-api"))
                    .afterPropertiesSet())
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new LocalSecretsGuard(
                        new MockEnvironment(),
                        new TokenSettings(
                            "a-real-secret-of-thirty-two-bytes-or-more", "flowlet-api"))
                    .afterPropertiesSet())
        .doesNotThrowAnyException();
  }

  @Test
  void refusesASecretShorterThan32Bytes() {
    assertThatThrownBy(() -> new TokenSettings("short", "flowlet-api"))
        .hasMessageContaining("at least 32 bytes");
  }
}
