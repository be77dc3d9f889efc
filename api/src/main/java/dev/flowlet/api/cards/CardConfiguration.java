package dev.flowlet.api.cards;

import java.security.SecureRandom;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain card cryptography from {@link CardSettings}; fails at start-up on bad keys. */
@Configuration(proxyBeanMethods = false)
class CardConfiguration {

  @Bean
  @ConfigurationPropertiesBinding
  static CardKeysConverter cardKeysConverter() {
    return new CardKeysConverter();
  }

  @Bean
  CardKeyRing cardKeyRing(CardSettings settings) {
    return settings.keyRing();
  }

  @Bean
  CardFingerprints cardFingerprints(CardSettings settings) {
    return settings.fingerprints();
  }

  @Bean
  EnvelopeCipher envelopeCipher() {
    return new EnvelopeCipher(new SecureRandom());
  }
}
