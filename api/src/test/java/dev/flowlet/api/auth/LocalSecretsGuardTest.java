package dev.flowlet.api.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalSecretsGuardTest {

  private static final String LOCAL_SECRET = "local-only-jwt-secret-not-for-production-0123456789";
  private static final String OWN_SECRET = "9f2c1e7a5b3d48e6a0c4f1b2d3e4f5a6b7c8d9e0";

  @Test
  void refusesToStartOutsideTheLocalProfileWithThePublicJwtSecret() {
    var guard = new LocalSecretsGuard(profiles("prod"), settings(LOCAL_SECRET, null));

    assertThatThrownBy(guard::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_JWT_SECRET");
  }

  @Test
  void refusesToStartOutsideTheLocalProfileWithTheDefaultDemoPassword() {
    var guard = new LocalSecretsGuard(profiles("prod"), settings(OWN_SECRET, "flowlet-demo"));

    assertThatThrownBy(guard::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_DEMO_PASSWORD");
  }

  @Test
  void startsOutsideTheLocalProfileWithSecretsOfItsOwn() {
    var guard = new LocalSecretsGuard(profiles("prod"), settings(OWN_SECRET, null));

    assertThatCode(guard::afterPropertiesSet).doesNotThrowAnyException();
  }

  @Test
  void acceptsThePublicDefaultsInTheLocalProfile() {
    var guard = new LocalSecretsGuard(profiles("local"), settings(LOCAL_SECRET, "flowlet-demo"));

    assertThatCode(guard::afterPropertiesSet).doesNotThrowAnyException();
  }

  @Test
  void refusesAJwtSecretShorterThan32Bytes() {
    assertThatThrownBy(() -> settings("too-short", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  private static MockEnvironment profiles(String profile) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profile);
    return environment;
  }

  private static AuthSettings settings(String secret, String demoPassword) {
    return new AuthSettings(secret, Duration.ofMinutes(15), demoPassword, "flowlet-api");
  }
}
