package dev.flowlet.streams.audit;

import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.ChainHead;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Adds the audit chain sub-topology to the Streams app, signing with the configured key; refuses
 * the local demo key outside the {@code local} profile.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfiguration {

  /**
   * The public half of the demo key in {@code application-local.yml}: anyone can sign with it, so
   * checkpoints signed by it prove nothing.
   */
  static final String DEMO_PUBLIC_KEY =
      "MCowBQYDK2VwAyEAjC61TZw1ZQOGkwcV5zcEBjIivJo3crDJ3DIElrSDXe0=";

  @Bean
  CheckpointSigner checkpointSigner(AuditChainSettings settings, Environment environment) {
    PrivateKey key = CheckpointSignatures.privateKey(settings.signingKey());
    boolean local = Arrays.asList(environment.getActiveProfiles()).contains("local");
    if (!local && isDemoKey(key)) {
      throw new IllegalStateException(
          "FLOWLET_AUDIT_SIGNING_KEY is the public local demo key; generate a key of your own");
    }
    return new CheckpointSigner(settings.keyId(), key);
  }

  @Bean
  KStream<String, byte[]> auditEventsToChain(
      StreamsBuilder builder, CheckpointSigner signer, AuditChainSettings settings) {
    return AuditChainTopology.addTo(
        builder,
        signer,
        settings.checkpointEvery(),
        settings.checkpointInterval(),
        settings.duplicateWindow());
  }

  /** Whether {@code key} is the demo key: what it signs verifies with the demo public key. */
  static boolean isDemoKey(PrivateKey key) {
    AuditCheckpoint probe =
        CheckpointSignatures.sign("probe", ChainHead.EMPTY, Instant.EPOCH, "demo", key);
    return CheckpointSignatures.verifies(
        probe, Map.of("demo", CheckpointSignatures.publicKey(DEMO_PUBLIC_KEY)));
  }
}
