package dev.flowlet.batch.security;

import static dev.flowlet.batch.security.StaffRole.ADMIN;
import static dev.flowlet.batch.security.StaffRole.AUDITOR;
import static dev.flowlet.batch.security.StaffRole.COMPLIANCE_OFFICER;
import static dev.flowlet.batch.security.StaffRole.OPERATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import dev.flowlet.problems.ProblemAuthenticationResponses;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Starting a job needs one of the roles that may run some job; which roles may
 * run which job is each job's own declaration ({@code OnDemandJob#runners}), checked when the
 * request names the job. Reading executions is open to the roles that audit. Anything else is
 * denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ROLES_CLAIM = "roles";

  @Bean
  SecurityFilterChain jobsSecurity(HttpSecurity http) throws Exception {
    var problems = new ProblemAuthenticationResponses();
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(GET, "/health", "/health/**", "/metrics")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    // Verifying the audit trail is the auditors' and compliance officers' job.
                    .requestMatchers(POST, "/api/v1/jobs/auditChainVerificationJob")
                    .hasAnyRole(AUDITOR.name(), COMPLIANCE_OFFICER.name(), ADMIN.name())
                    .requestMatchers(POST, "/api/v1/jobs/**")
                    .hasAnyRole(OPERATOR.name(), ADMIN.name())
                    .requestMatchers(GET, "/api/v1/jobs/executions/**")
                    .hasAnyRole(
                        OPERATOR.name(), ADMIN.name(), AUDITOR.name(), COMPLIANCE_OFFICER.name())
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
  JwtDecoder jwtDecoder(TokenSettings settings, JdbcClient jdbc) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(
                new SecretKeySpec(
                    settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(settings.issuer()),
            // The default validators skip a missing exp: such a token would never expire.
            new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<Object>(ROLES_CLAIM, Objects::nonNull),
            new NotRevokedValidator(jdbc)));
    return decoder;
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
