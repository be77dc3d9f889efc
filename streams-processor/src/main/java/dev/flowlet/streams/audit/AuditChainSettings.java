package dev.flowlet.streams.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How audit chains are linked and checkpointed.
 *
 * @param signingKey the Ed25519 private key that signs checkpoints, base64 PKCS#8 DER ({@code
 *     FLOWLET_AUDIT_SIGNING_KEY}); the local profile ships a public demo key, refused elsewhere
 * @param keyId the id of that key, which verifiers look its public key up by ({@code
 *     FLOWLET_AUDIT_SIGNING_KEY_ID})
 * @param checkpointEvery a checkpoint after this many events of a chain
 * @param checkpointInterval and at least this often (wall-clock) while a chain's head moved
 * @param duplicateWindow how long an event id is remembered to drop a republished copy; must exceed
 *     the longest delay between the outbox relay's first publication of an event and a repeat (a
 *     crash between sending and marking sent: seconds to minutes)
 */
@Validated
@ConfigurationProperties("flowlet.streams.audit")
record AuditChainSettings(
    @NotBlank String signingKey,
    @NotBlank String keyId,
    @DefaultValue("1000") @Positive int checkpointEvery,
    @DefaultValue("60s") @NotNull Duration checkpointInterval,
    @DefaultValue("7d") @NotNull Duration duplicateWindow) {}
