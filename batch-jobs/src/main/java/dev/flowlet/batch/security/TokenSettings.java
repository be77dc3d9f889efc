package dev.flowlet.batch.security;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are checked; both must equal the API's settings, so that a token the API issued
 * works here.
 *
 * @param jwtSecret the HMAC key the API signs tokens with ({@code FLOWLET_JWT_SECRET}), at least 32
 *     bytes
 * @param issuer the tokens' {@code iss} claim ({@code flowlet.api.issuer} in the API)
 */
@ConfigurationProperties("flowlet.batch.security")
record TokenSettings(String jwtSecret, @DefaultValue("flowlet-api") String issuer) {

  TokenSettings {
    if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalStateException(
          "flowlet.batch.security.jwt-secret must be set to at least 32 bytes: set"
              + " FLOWLET_JWT_SECRET to the API's secret");
    }
  }
}
