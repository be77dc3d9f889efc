package dev.flowlet.api.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the verification of single audit events on Spring Boot's Elasticsearch client. */
@Configuration(proxyBeanMethods = false)
class AuditVerificationConfiguration {

  /** The public half of the streams processor's local demo signing key. */
  static final String DEMO_PUBLIC_KEY =
      "MCowBQYDK2VwAyEAjC61TZw1ZQOGkwcV5zcEBjIivJo3crDJ3DIElrSDXe0=";

  @Bean
  VerifyingAuditEvents verifyingAuditEvents(
      ElasticsearchClient elasticsearch,
      JdbcClient jdbc,
      AuditVerificationSettings settings,
      Environment environment) {
    if (!(elasticsearch._transport() instanceof Rest5ClientTransport transport)) {
      throw new IllegalStateException(
          "Audit verification needs Spring Boot's Rest5Client-based ElasticsearchClient");
    }
    return new VerifyingAuditEvents(
        new AuditDocuments(transport.restClient()), jdbc, publicKeys(settings, environment));
  }

  /** The configured keys; the demo key only in the {@code local} profile. */
  static Map<String, PublicKey> publicKeys(
      AuditVerificationSettings settings, Environment environment) {
    Map<String, PublicKey> keys = CheckpointSignatures.publicKeys(settings.publicKeys());
    boolean local = Arrays.asList(environment.getActiveProfiles()).contains("local");
    if (!local && keys.containsValue(CheckpointSignatures.publicKey(DEMO_PUBLIC_KEY))) {
      throw new IllegalStateException(
          "FLOWLET_AUDIT_PUBLIC_KEYS holds the public local demo key; list your own keys only");
    }
    return keys;
  }
}
