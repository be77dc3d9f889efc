package dev.flowlet.api.auth;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint needs a bearer token but {@code POST /api/v1/auth/token} and the operational
 * endpoints; roles come from the token's {@code roles} claim.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ROLES_CLAIM = "roles";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationResponses problems)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                    .permitAll()
                    .requestMatchers("/health", "/health/**", "/metrics", "/error")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/transactions")
                    .hasRole(Role.OPERATOR.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/customers", "/api/v1/accounts")
                    .hasRole(Role.OPERATOR.name())
                    .requestMatchers(HttpMethod.PATCH, "/api/v1/customers/*", "/api/v1/accounts/*")
                    .hasRole(Role.OPERATOR.name())
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/rules/changes/*/approve",
                        "/api/v1/rules/changes/*/reject")
                    .hasRole(Role.APPROVER.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/rules/changes")
                    .hasRole(Role.COMPLIANCE_OFFICER.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/rules", "/api/v1/rules/**")
                    .hasAnyRole(
                        Role.COMPLIANCE_OFFICER.name(), Role.APPROVER.name(), Role.AUDITOR.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/transactions/*/card/reveal")
                    .hasRole(Role.COMPLIANCE_OFFICER.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/admin/card-keys/rotate")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/**")
                    .hasAnyRole(
                        Role.OPERATOR.name(),
                        Role.COMPLIANCE_OFFICER.name(),
                        Role.AUDITOR.name(),
                        Role.APPROVER.name(),
                        Role.ADMIN.name())
                    .anyRequest()
                    .denyAll())
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
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  JwtEncoder jwtEncoder(AuthSettings settings) {
    return NimbusJwtEncoder.withSecretKey(signingKey(settings)).build();
  }

  @Bean
  JwtDecoder jwtDecoder(AuthSettings settings) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(signingKey(settings))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
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
}
