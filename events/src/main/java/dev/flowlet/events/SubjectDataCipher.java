package dev.flowlet.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-subject cryptography of events, with the JDK only: keyed pseudonyms for values rules
 * compare (HMAC-SHA256 under the subject's key) and sealed values for values someone may read while
 * the key exists (AES-256-GCM, bound to subject and field). Deleting the subject's key makes
 * pseudonyms unlinkable and sealed values unreadable. Shared by the API (which seals) and by the
 * jobs and tests that open or prove.
 */
public final class SubjectDataCipher {

  /** The version of a subject's key; a rotation would introduce the next one. */
  public static final int KEY_VERSION = 1;

  /** A subject's data key: 32 random bytes (AES-256, HMAC-SHA256). */
  public static final int KEY_BYTES = 32;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random;

  public SubjectDataCipher(SecureRandom random) {
    this.random = random;
  }

  /**
   * A stable pseudonym of {@code value}: equal values of one subject give equal pseudonyms, and
   * nobody without the subject's key can link a pseudonym to the value or across subjects.
   *
   * @param purpose separates pseudonyms of different kinds of value, e.g. {@code device}
   * @return lower-case hex of HMAC-SHA256(key, purpose | value)
   */
  public static String pseudonym(byte[] subjectKey, String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
      mac.update(("flowlet/pseudonym/v1/" + purpose + "/").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Encrypts {@code value} of field {@code field} with {@code subjectId}'s key. */
  public SealedValue seal(byte[] subjectKey, String subjectId, String field, String value) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(subjectKey, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(subjectId, field));
      byte[] ciphertext = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder base64 = Base64.getEncoder();
      return new SealedValue(
          subjectId, KEY_VERSION, base64.encodeToString(nonce), base64.encodeToString(ciphertext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Decrypts what {@link #seal} produced for the same subject and field.
   *
   * @throws IllegalArgumentException when the value was altered, moved to another subject or field,
   *     or sealed with another key; the message names neither key nor value
   */
  public static String open(byte[] subjectKey, SealedValue sealed, String field) {
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(subjectKey, "AES"),
          new GCMParameterSpec(TAG_BITS, base64.decode(sealed.nonce())));
      cipher.updateAAD(aad(sealed.subjectId(), field));
      return new String(cipher.doFinal(base64.decode(sealed.ciphertext())), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("sealed " + field + " failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  /**
   * Wraps (encrypts) a subject's data key under a key-encryption key, bound to both ids.
   *
   * @return nonce (12) | ciphertext | tag (16)
   */
  public byte[] wrap(byte[] keyEncryptionKey, String kekId, String subjectId, byte[] dataKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keyEncryptionKey, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(wrapAad(kekId, subjectId));
      byte[] ciphertext = cipher.doFinal(dataKey);
      byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
      System.arraycopy(ciphertext, 0, wrapped, NONCE_BYTES, ciphertext.length);
      return wrapped;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Unwraps what {@link #wrap} produced for the same ids.
   *
   * @throws IllegalArgumentException when the wrapped key was altered or moved
   */
  public static byte[] unwrap(
      byte[] keyEncryptionKey, String kekId, String subjectId, byte[] wrapped) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(keyEncryptionKey, "AES"),
          new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
      cipher.updateAAD(wrapAad(kekId, subjectId));
      return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("the data key of a subject failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  /** A fresh random data key for a subject. */
  public byte[] newDataKey() {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return key;
  }

  private static byte[] wrapAad(String kekId, String subjectId) {
    return ("flowlet/subject-key/v1/" + kekId + "/" + subjectId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] aad(String subjectId, String field) {
    return ("flowlet/subject/v1/" + subjectId + "/" + field).getBytes(StandardCharsets.UTF_8);
  }
}
