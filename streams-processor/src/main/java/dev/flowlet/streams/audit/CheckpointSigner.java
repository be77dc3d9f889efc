package dev.flowlet.streams.audit;

import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.ChainHead;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.security.PrivateKey;
import java.time.Instant;

/**
 * Signs checkpoints with the configured key. Holds the key so that the topology never sees its
 * text; its {@code toString} names only the key id.
 */
final class CheckpointSigner {

  private final String keyId;
  private final PrivateKey key;

  CheckpointSigner(String keyId, PrivateKey key) {
    this.keyId = keyId;
    this.key = key;
  }

  AuditCheckpoint sign(String chainId, ChainHead head, Instant at) {
    return CheckpointSignatures.sign(chainId, head, at, keyId, key);
  }

  @Override
  public String toString() {
    return "CheckpointSigner[" + keyId + "]";
  }
}
