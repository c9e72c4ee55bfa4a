package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;

/** Which key decrypts a symmetric blob: the one the request names, or the one the blob names. */
final class BlobKeys {
  private BlobKeys() {}

  /**
   * The key for {@code blob}. A named key (already checked usable) must be the blob's key (KMS.2201
   * otherwise); without one, the blob's key ID is looked up and checked usable.
   *
   * @param field the request field that may name the key, for messages
   */
  static LocalKey resolve(
      KeystoreSnapshot keystore, CiphertextBlob blob, LocalKey named, String field) {
    if (named != null) {
      if (!named.keyId().equals(blob.keyId())) {
        throw KmsError.INVALID_CIPHER_TEXT.exception(
            "cipher_text was not encrypted under " + field);
      }
      return named;
    }
    return keystore
        .key(blob.keyId())
        .requireUsable(
            "the key of cipher_text",
            EncryptionAlgorithm.SYMMETRIC_DEFAULT,
            "encryption algorithm");
  }
}
