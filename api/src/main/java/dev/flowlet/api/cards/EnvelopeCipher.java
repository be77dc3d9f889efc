package dev.flowlet.api.cards;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK's AES-256-GCM: every seal draws a fresh random data key, which
 * encrypts the plaintext; a key-encryption key from the {@link CardKeyRing} encrypts (wraps) the
 * data key. Both encryptions authenticate associated data that names the card row, and the wrap
 * also names the key id, so a ciphertext or wrapped key moved to another row, or relabelled with
 * another key id, fails to open instead of decrypting to the wrong card.
 *
 * <p>Sealed bytes are {@code version (1) | IV (12) | ciphertext | tag (16)}.
 */
final class EnvelopeCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final byte FORMAT_VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random;

  EnvelopeCipher(SecureRandom random) {
    this.random = random;
  }

  /** Encrypts {@code plaintext} for the card row {@code cardId} under the ring's active key. */
  Sealed seal(byte[] plaintext, UUID cardId, CardKeyRing keys) {
    byte[] dataKey = newDataKey();
    try {
      String keyId = keys.activeKeyId();
      byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), plaintext, dataAad(cardId));
      byte[] wrapped = encrypt(keys.active(), dataKey, wrapAad(keyId, cardId));
      return new Sealed(keyId, wrapped, ciphertext);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Decrypts what {@link #seal} produced for the same card row.
   *
   * @throws CardKeyRing.MissingCardKeyException when the ring lacks the sealing key
   * @throws TamperedCardException when any byte, the key id or the card id differs from the seal
   */
  byte[] open(Sealed sealed, UUID cardId, CardKeyRing keys) {
    SecretKey keyEncryptionKey = keys.get(sealed.keyId());
    byte[] dataKey =
        decrypt(keyEncryptionKey, sealed.wrappedDataKey(), wrapAad(sealed.keyId(), cardId), cardId);
    try {
      return decrypt(
          new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), dataAad(cardId), cardId);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** Opens a seal and seals its plaintext again under the active key, with a new data key. */
  Sealed reseal(Sealed sealed, UUID cardId, CardKeyRing keys) {
    byte[] plaintext = open(sealed, cardId, keys);
    try {
      return seal(plaintext, cardId, keys);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private byte[] newDataKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(CardKeyRing.KEY_BYTES * 8, random);
      return generator.generateKey().getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is part of every JDK", e);
    }
  }

  private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] aad) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad);
      byte[] ciphertext = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + IV_BYTES + ciphertext.length)
          .put(FORMAT_VERSION)
          .put(iv)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  private byte[] decrypt(SecretKey key, byte[] sealed, byte[] aad, UUID cardId) {
    if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
      throw new TamperedCardException(cardId, null);
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw new TamperedCardException(cardId, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  private static byte[] dataAad(UUID cardId) {
    return ("flowlet/card/v1/pan/" + cardId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] wrapAad(String keyId, UUID cardId) {
    return ("flowlet/card/v1/data-key/" + keyId + "/" + cardId).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A sealed plaintext as stored.
   *
   * @param keyId the key-encryption key that wrapped the data key
   * @param wrappedDataKey the data key, encrypted under that key
   * @param ciphertext the plaintext, encrypted under the data key
   */
  record Sealed(String keyId, byte[] wrappedDataKey, byte[] ciphertext) {}

  /** Sealed card data that fails authentication: altered, moved to another row, or relabelled. */
  static final class TamperedCardException extends IllegalStateException {

    TamperedCardException(UUID cardId, Throwable cause) {
      super("Encrypted data of card " + cardId + " failed authentication", cause);
    }
  }
}
