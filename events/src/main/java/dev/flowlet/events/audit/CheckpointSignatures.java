package dev.flowlet.events.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs and checks checkpoints with Ed25519 (built into the JDK). The signed text is UTF-8:
 *
 * <pre>
 * flowlet-audit-checkpoint-v1
 * chainId=&lt;length in UTF-8 bytes&gt;:&lt;chain id&gt;
 * sequence=&lt;decimal&gt;
 * headHash=&lt;64 hex digits&gt;
 * createdAt=&lt;ISO-8601 instant to the millisecond, Instant#toString&gt;
 * keyId=&lt;length&gt;:&lt;key id&gt;
 * </pre>
 *
 * each line ending with {@code \n}. Private keys are PKCS#8, public keys X.509
 * SubjectPublicKeyInfo, both DER in base64 (what {@code openssl genpkey -algorithm ed25519} writes
 * between the PEM armour).
 */
public final class CheckpointSignatures {

  private static final String ALGORITHM = "Ed25519";

  private CheckpointSignatures() {}

  /** A signed checkpoint of {@code head}, taken at {@code time} (kept to the millisecond). */
  public static AuditCheckpoint sign(
      String chainId, ChainHead head, Instant time, String keyId, PrivateKey key) {
    // Milliseconds: what every store of the checkpoint (JSON, PostgreSQL's microseconds) keeps.
    Instant createdAt = time.truncatedTo(ChronoUnit.MILLIS);
    String text = signedText(chainId, head.sequence(), head.hash(), createdAt, keyId);
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(text.getBytes(StandardCharsets.UTF_8));
      return new AuditCheckpoint(
          AuditCheckpoint.SCHEMA_VERSION,
          chainId,
          head.sequence(),
          head.hash(),
          createdAt,
          keyId,
          Base64.getEncoder().encodeToString(signer.sign()));
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("Not an Ed25519 private key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is unavailable", e);
    }
  }

  /**
   * Whether the checkpoint is signed by the key its {@code keyId} names among {@code publicKeys}.
   * An unknown key id, a missing or malformed signature all count as not signed.
   */
  public static boolean verifies(AuditCheckpoint checkpoint, Map<String, PublicKey> publicKeys) {
    if (checkpoint.keyId() == null || checkpoint.signature() == null) {
      return false;
    }
    PublicKey key = publicKeys.get(checkpoint.keyId());
    if (key == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(
          signedText(
                  checkpoint.chainId(),
                  checkpoint.sequence(),
                  checkpoint.headHash(),
                  checkpoint.createdAt(),
                  checkpoint.keyId())
              .getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
    } catch (IllegalArgumentException | SignatureException | InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is unavailable", e);
    }
  }

  /** The exact text that is signed, as documented on this class. */
  public static String signedText(
      String chainId, long sequence, String headHash, Instant createdAt, String keyId) {
    return "flowlet-audit-checkpoint-v1\n"
        + "chainId="
        + counted(chainId)
        + "\nsequence="
        + sequence
        + "\nheadHash="
        + headHash
        + "\ncreatedAt="
        + createdAt
        + "\nkeyId="
        + counted(keyId)
        + "\n";
  }

  /** An Ed25519 private key from base64 PKCS#8 DER. */
  public static PrivateKey privateKey(String base64Pkcs8) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(
              new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Not a base64 PKCS#8 Ed25519 private key", e);
    }
  }

  /** An Ed25519 public key from base64 X.509 SubjectPublicKeyInfo DER. */
  public static PublicKey publicKey(String base64X509) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Not a base64 X.509 Ed25519 public key", e);
    }
  }

  /**
   * Public keys by id from configuration text {@code <key id>:<base64 X.509>[,<key
   * id>:<base64>...]} (base64 never contains {@code :} or {@code ,}); blank gives none.
   */
  public static Map<String, PublicKey> publicKeys(String configured) {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    if (configured == null || configured.isBlank()) {
      return keys;
    }
    for (String entry : configured.split(",")) {
      int colon = entry.indexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException(
            "Public keys must read <key id>:<base64>[,...]; an entry does not");
      }
      keys.put(entry.substring(0, colon).strip(), publicKey(entry.substring(colon + 1)));
    }
    return keys;
  }

  private static String counted(String value) {
    return value == null ? "~" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
  }
}
