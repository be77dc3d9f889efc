package dev.flowlet.events.audit;

import java.time.Instant;

/**
 * A signed statement that chain {@code chainId} had reached {@code sequence} with head {@code
 * headHash}. Whoever rewrites the chain after it cannot forge a new one without the private key, so
 * a checkpoint anchors every event up to its sequence, and one beyond the last stored event reveals
 * a truncated chain.
 *
 * @param schemaVersion version of this record's schema
 * @param chainId the chain, also the Kafka key
 * @param sequence the head's sequence when the checkpoint was taken
 * @param headHash the head's hash
 * @param createdAt when the checkpoint was taken
 * @param keyId which signing key signed it (public keys are configured by id where it is checked)
 * @param signature Ed25519 signature of {@link CheckpointSignatures#signedText}, base64
 */
public record AuditCheckpoint(
    int schemaVersion,
    String chainId,
    long sequence,
    String headHash,
    Instant createdAt,
    String keyId,
    String signature) {

  public static final int SCHEMA_VERSION = 1;
}
