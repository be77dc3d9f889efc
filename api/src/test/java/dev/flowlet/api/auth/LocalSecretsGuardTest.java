package dev.flowlet.api.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlet.api.cards.CardSettings;
import dev.flowlet.api.subjectkeys.SubjectKeySettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalSecretsGuardTest {

  private static final String LOCAL_SECRET = "local-only-jwt-secret-not-for-production-0123456789";
  private static final String OWN_SECRET = "9f2c1e7a5b3d48e6a0c4f1b2d3e4f5a6b7c8d9e0";
  // The public demo keys of application-local.yml, and two keys of one's own.
  private static final String LOCAL_CARD_KEY = "bG9jYWwtb25seS1jYXJkLWtlay1wdWJsaWMtZGVtbzE=";
  private static final String LOCAL_FINGERPRINT_KEY =
      "bG9jYWwtb25seS1jYXJkLWZpbmdlcnByaW50LWtleSE=";
  private static final String LOCAL_SUBJECT_KEK = "bG9jYWwtb25seS1zdWJqZWN0LWtlay1kZW1vLTAwMDE=";
  private static final String OWN_CARD_KEY = "q1ZbQ0Q5m7b7kXn8gT6yV2cF3wR9sJ4eL0aH5uP1oIk=";
  private static final String OWN_FINGERPRINT_KEY = "Zx3YcVb8nM2aS4dF6gH1jK7lP9oI0uY5tR3eW2qA8sE=";

  @Test
  void refusesToStartOutsideTheLocalProfileWithThePublicJwtSecret() {
    var guard =
        new LocalSecretsGuard(
            profiles("prod"), settings(LOCAL_SECRET, null), ownCardKeys(), ownSubjectKeys());

    assertThatThrownBy(guard::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_JWT_SECRET");
  }

  @Test
  void refusesToStartOutsideTheLocalProfileWithTheDefaultDemoPassword() {
    var guard =
        new LocalSecretsGuard(
            profiles("prod"),
            settings(OWN_SECRET, "flowlet-demo"),
            ownCardKeys(),
            ownSubjectKeys());

    assertThatThrownBy(guard::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_DEMO_PASSWORD");
  }

  @Test
  void startsOutsideTheLocalProfileWithSecretsOfItsOwn() {
    var guard =
        new LocalSecretsGuard(
            profiles("prod"), settings(OWN_SECRET, null), ownCardKeys(), ownSubjectKeys());

    assertThatCode(guard::afterPropertiesSet).doesNotThrowAnyException();
  }

  @Test
  void acceptsThePublicDefaultsInTheLocalProfile() {
    var guard =
        new LocalSecretsGuard(
            profiles("local"),
            settings(LOCAL_SECRET, "flowlet-demo"),
            cardKeys(LOCAL_CARD_KEY, LOCAL_FINGERPRINT_KEY),
            localSubjectKeys());

    assertThatCode(guard::afterPropertiesSet).doesNotThrowAnyException();
  }

  @Test
  void refusesToStartOutsideTheLocalProfileWithThePublicCardKey() {
    var guard =
        new LocalSecretsGuard(
            profiles("prod"),
            settings(OWN_SECRET, null),
            cardKeys(LOCAL_CARD_KEY, OWN_FINGERPRINT_KEY),
            ownSubjectKeys());

    assertThatThrownBy(guard::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_CARD_KEYS (key id k1)")
        .hasMessageNotContaining(LOCAL_CARD_KEY);
  }

  @Test
  void refusesToStartOutsideTheLocalProfileWithThePublicCardFingerprintKey() {
    var guard =
        new LocalSecretsGuard(
            profiles("prod"),
            settings(OWN_SECRET, null),
            cardKeys(OWN_CARD_KEY, LOCAL_FINGERPRINT_KEY),
            ownSubjectKeys());

    assertThatThrownBy(guard::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_CARD_FINGERPRINT_KEY")
        .hasMessageNotContaining("FLOWLET_CARD_KEYS");
  }

  @Test
  void refusesToStartOutsideTheLocalProfileWithThePublicSubjectKeyEncryptionKey() {
    var guard =
        new LocalSecretsGuard(
            profiles("prod"), settings(OWN_SECRET, null), ownCardKeys(), localSubjectKeys());

    assertThatThrownBy(guard::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOWLET_SUBJECT_KEKS")
        .hasMessageNotContaining(LOCAL_SUBJECT_KEK);
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

  private static SubjectKeySettings localSubjectKeys() {
    return new SubjectKeySettings(Map.of("local-demo-1", LOCAL_SUBJECT_KEK), "local-demo-1");
  }

  private static SubjectKeySettings ownSubjectKeys() {
    return new SubjectKeySettings(Map.of("k1", OWN_CARD_KEY), "k1");
  }

  private static CardSettings ownCardKeys() {
    return cardKeys(OWN_CARD_KEY, OWN_FINGERPRINT_KEY);
  }

  private static CardSettings cardKeys(String key, String fingerprintKey) {
    return new CardSettings(Map.of("k1", key), "k1", fingerprintKey, 500);
  }

  private static AuthSettings settings(String secret, String demoPassword) {
    return new AuthSettings(secret, Duration.ofMinutes(15), demoPassword, "flowlet-api");
  }
}
