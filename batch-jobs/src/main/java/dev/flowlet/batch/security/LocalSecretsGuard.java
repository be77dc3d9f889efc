package dev.flowlet.batch.security;

import java.util.Arrays;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the {@code local} profile with the public token secret that {@code
 * application-local.yml} ships (the same one as the API's).
 */
@Component
class LocalSecretsGuard implements InitializingBean {

  private final Environment environment;
  private final TokenSettings settings;

  LocalSecretsGuard(Environment environment, TokenSettings settings) {
    this.environment = environment;
    this.settings = settings;
  }

  @Override
  public void afterPropertiesSet() {
    if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
      return;
    }
    if (settings.jwtSecret().contains("local-only")) {
      throw new IllegalStateException(
          "FLOWLET_JWT_SECRET has the public local default; set a secret of your own");
    }
  }
}
