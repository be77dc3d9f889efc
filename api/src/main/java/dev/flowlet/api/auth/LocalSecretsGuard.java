package dev.flowlet.api.auth;

import dev.flowlet.api.cards.CardSettings;
import dev.flowlet.api.subjectkeys.SubjectKeySettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the {@code local} profile when a secret still has one of the public
 * defaults that {@code application-local.yml} ships, or when demo users would be seeded.
 */
@Component
class LocalSecretsGuard implements InitializingBean {

  static final String LOCAL_PROFILE = "local";
  private static final String PUBLIC_DEFAULT_MARKER = "local-only";
  private static final String DEMO_DEFAULT = "flowlet-demo";

  private final Environment environment;
  private final AuthSettings settings;
  private final CardSettings cards;
  private final SubjectKeySettings subjectKeys;

  LocalSecretsGuard(
      Environment environment,
      AuthSettings settings,
      CardSettings cards,
      SubjectKeySettings subjectKeys) {
    this.environment = environment;
    this.settings = settings;
    this.cards = cards;
    this.subjectKeys = subjectKeys;
  }

  @Override
  public void afterPropertiesSet() {
    if (Arrays.asList(environment.getActiveProfiles()).contains(LOCAL_PROFILE)) {
      return;
    }
    if (settings.jwtSecret().contains(PUBLIC_DEFAULT_MARKER)) {
      throw new IllegalStateException(
          "FLOWLET_JWT_SECRET has the public local default; set a secret of your own");
    }
    if (DEMO_DEFAULT.equals(settings.demoPassword())) {
      throw new IllegalStateException(
          "FLOWLET_DEMO_PASSWORD has the public default; demo users exist only in the local profile");
    }
    List<String> publicCardKeys = new ArrayList<>(cards.publicDefaults());
    publicCardKeys.addAll(subjectKeys.publicDefaults());
    if (!publicCardKeys.isEmpty()) {
      throw new IllegalStateException(
          String.join(", ", publicCardKeys)
              + " has the public local default; set keys of your own");
    }
  }
}
