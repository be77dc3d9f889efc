package dev.flowlet.events;

/**
 * A personal value encrypted with its data subject's key (AES-256-GCM), so that it can travel in an
 * immutable event and still be erased: deleting the subject's key (crypto-shredding) makes every
 * copy unreadable. Opened with {@link SubjectDataCipher#open}.
 *
 * @param subjectId the data subject whose key sealed it (the key's id)
 * @param keyVersion version of that subject's key; {@link SubjectDataCipher#KEY_VERSION} today
 * @param nonce the 12-byte GCM nonce, base64
 * @param ciphertext ciphertext and 16-byte tag, base64
 */
public record SealedValue(String subjectId, int keyVersion, String nonce, String ciphertext) {}
