package dev.flowlet.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret HMAC key that signs tokens, at least 32 bytes; from {@code FLOWLET_JWT_SECRET}
 * @param tokenTtl how long an access token is valid
 * @param demoPassword password of the demo users, seeded in the {@code local} profile only
 * @param issuer the {@code iss} claim of issued tokens
 */
@ConfigurationProperties("flowlet.api")
record AuthSettings(
    String jwtSecret,
    @DefaultValue("15m") Duration tokenTtl,
    String demoPassword,
    @DefaultValue("flowlet-api") String issuer) {

  AuthSettings {
    if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalStateException(
          "flowlet.api.jwt-secret must be set to at least 32 bytes: set FLOWLET_JWT_SECRET");
    }
  }
}
