package dev.flowlet.api.auth;

import static dev.flowlet.api.auth.Role.ADMIN;
import static dev.flowlet.api.auth.Role.APPROVER;
import static dev.flowlet.api.auth.Role.AUDITOR;
import static dev.flowlet.api.auth.Role.COMPLIANCE_OFFICER;
import static dev.flowlet.api.auth.Role.OPERATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import dev.flowlet.problems.ProblemAuthenticationResponses;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what, in one ordered table: the first line whose method and path match a request
 * decides it, and a request no line matches is denied. Roles come from the bearer token's {@code
 * roles} claim. Security headers, rate limits and request-size limits are servlet filters of the
 * {@code web} package, so they apply to every answer, including those refused here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ROLES_CLAIM = "roles";

  private static final String[] LEDGER = {
    "/api/v1/customers", "/api/v1/customers/**",
    "/api/v1/accounts", "/api/v1/accounts/**",
    "/api/v1/transactions", "/api/v1/transactions/**"
  };

  /** The access matrix. Order matters: a specific line must come before a general one. */
  static final List<Access> MATRIX =
      List.of(
          Access.anyone(POST, "/api/v1/auth/token", "/api/v1/auth/refresh"),
          Access.anyone(GET, "/health", "/health/**", "/metrics"),
          Access.anyone(
              GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
          Access.anyone(null, "/error"),
          Access.authenticated(POST, "/api/v1/auth/logout"),
          Access.roles(POST, paths("/api/v1/transactions/*/card/reveal"), COMPLIANCE_OFFICER),
          Access.roles(POST, LEDGER, OPERATOR),
          Access.roles(PATCH, LEDGER, OPERATOR),
          Access.roles(GET, LEDGER, OPERATOR, COMPLIANCE_OFFICER, AUDITOR),
          Access.roles(
              GET,
              paths("/api/v1/alerts", "/api/v1/alerts/**"),
              COMPLIANCE_OFFICER,
              AUDITOR,
              APPROVER),
          Access.roles(GET, paths("/api/v1/audit/**"), COMPLIANCE_OFFICER, AUDITOR),
          Access.roles(
              GET,
              paths(
                  "/api/v1/compliance/audit",
                  "/api/v1/compliance/decisions",
                  "/api/v1/compliance/alerts"),
              COMPLIANCE_OFFICER,
              AUDITOR),
          Access.roles(
              GET, paths("/api/v1/compliance/audit/*/verification"), COMPLIANCE_OFFICER, AUDITOR),
          Access.roles(
              POST,
              paths("/api/v1/alerts/*/close/approve", "/api/v1/alerts/*/close/reject"),
              APPROVER),
          Access.roles(POST, paths("/api/v1/alerts/**"), COMPLIANCE_OFFICER),
          Access.roles(
              POST,
              paths("/api/v1/rules/changes/*/approve", "/api/v1/rules/changes/*/reject"),
              APPROVER),
          Access.roles(POST, paths("/api/v1/rules/**"), COMPLIANCE_OFFICER),
          Access.roles(GET, paths("/api/v1/rules/**"), COMPLIANCE_OFFICER, APPROVER, AUDITOR),
          Access.roles(GET, paths("/api/v1/privacy/requests/*/export"), COMPLIANCE_OFFICER),
          Access.roles(
              POST,
              paths("/api/v1/privacy/requests/*/approve", "/api/v1/privacy/requests/*/reject"),
              APPROVER),
          Access.roles(POST, paths("/api/v1/privacy/requests"), COMPLIANCE_OFFICER),
          Access.roles(
              GET,
              paths("/api/v1/privacy/requests", "/api/v1/privacy/requests/**"),
              COMPLIANCE_OFFICER,
              APPROVER,
              AUDITOR),
          Access.roles(null, paths("/api/v1/users", "/api/v1/users/**"), ADMIN),
          Access.roles(POST, paths("/api/v1/admin/**"), ADMIN));

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    var problems = new ProblemAuthenticationResponses();
    return http.csrf(csrf -> csrf.disable())
        // The web package's SecurityHeadersFilter writes every security header, for all answers.
        .headers(headers -> headers.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests -> {
              MATRIX.forEach(access -> access.applyTo(requests));
              requests.anyRequest().denyAll();
            })
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  @Bean
  JwtEncoder jwtEncoder(AuthSettings settings) {
    return NimbusJwtEncoder.withSecretKey(signingKey(settings)).build();
  }

  @Bean
  JwtDecoder jwtDecoder(AuthSettings settings, RevocationList revocations) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(signingKey(settings))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(settings.issuer()),
            // The default validators skip a missing exp: such a token would never expire.
            new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<Object>(ROLES_CLAIM, Objects::nonNull),
            new NotRevokedValidator(revocations)));
    return decoder;
  }

  private static SecretKey signingKey(AuthSettings settings) {
    return new SecretKeySpec(settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  private static JwtAuthenticationConverter rolesFromToken() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(ROLES_CLAIM);
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }

  private static String[] paths(String... paths) {
    return paths;
  }

  /**
   * One line of the matrix.
   *
   * @param method the HTTP method, or null for any
   * @param paths path patterns ({@code *} one segment, {@code **} any number)
   * @param who {@code ANYONE}, {@code AUTHENTICATED}, or {@code ROLES}
   * @param roles the roles allowed when {@code who} is {@code ROLES}
   */
  record Access(HttpMethod method, List<String> paths, Who who, List<Role> roles) {

    enum Who {
      ANYONE,
      AUTHENTICATED,
      ROLES
    }

    static Access anyone(HttpMethod method, String... paths) {
      return new Access(method, List.of(paths), Who.ANYONE, List.of());
    }

    static Access authenticated(HttpMethod method, String... paths) {
      return new Access(method, List.of(paths), Who.AUTHENTICATED, List.of());
    }

    static Access roles(HttpMethod method, String[] paths, Role... roles) {
      return new Access(method, List.of(paths), Who.ROLES, Arrays.asList(roles));
    }

    void applyTo(
        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
            requests) {
      String[] patterns = paths.toArray(String[]::new);
      var matched =
          method == null
              ? requests.requestMatchers(patterns)
              : requests.requestMatchers(method, patterns);
      switch (who) {
        case ANYONE -> matched.permitAll();
        case AUTHENTICATED -> matched.authenticated();
        case ROLES -> matched.hasAnyRole(roles.stream().map(Role::name).toArray(String[]::new));
      }
    }
  }
}
