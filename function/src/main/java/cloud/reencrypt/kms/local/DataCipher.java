package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;

/**
 * Data ciphertexts (encrypt-data, and re-encrypt of data): a base64 {@link CiphertextBlob} for
 * symmetric keys, the raw RSA-OAEP or SM2 ciphertext in base64 for asymmetric ones.
 */
final class DataCipher {
  /** KMS's plaintext limit for encrypt-data, in bytes. */
  static final int MAX_PLAINTEXT = 4096;

  private DataCipher() {}

  /**
   * Refuses a plaintext the key cannot take: empty or over 4096 bytes (KMS.2101), over the RSA
   * limit k − 2·hLen − 2 (KMS.2108).
   */
  static void requireFits(LocalKey key, EncryptionAlgorithm algorithm, int length) {
    if (length < 1 || length > MAX_PLAINTEXT) {
      throw KmsError.INVALID_PLAIN_TEXT.exception(
          "the plaintext must be 1 to " + MAX_PLAINTEXT + " bytes");
    }
    if (key.spec().rsa()) {
      int max = AsymmetricCipher.maxPlaintext(key, algorithm);
      if (length > max) {
        throw KmsError.PLAINTEXT_TOO_LONG.exception(
            key.spec().name() + " with " + algorithm.name() + " takes at most " + max + " bytes");
      }
    }
  }

  /** Encrypts a plaintext checked by {@link #requireFits}; returns KMS's base64 cipher_text. */
  static String encrypt(LocalKey key, EncryptionAlgorithm algorithm, byte[] plaintext, byte[] aad) {
    if (key.spec().symmetric()) {
      return Encodings.base64(
          GcmSealer.seal(CiphertextBlob.Kind.DATA, key.keyId(), key.symmetric(), plaintext, aad));
    }
    return Encodings.base64(AsymmetricCipher.encrypt(key, algorithm, plaintext));
  }

  /** Decrypts an asymmetric cipher_text (base64 of the raw ciphertext). */
  static byte[] decryptAsymmetric(LocalKey key, EncryptionAlgorithm algorithm, String cipherText) {
    byte[] raw = Encodings.strictBase64(cipherText);
    if (raw == null) {
      throw KmsError.INVALID_CIPHER_TEXT.exception("cipher_text is not base64");
    }
    return AsymmetricCipher.decrypt(key, algorithm, raw);
  }
}
