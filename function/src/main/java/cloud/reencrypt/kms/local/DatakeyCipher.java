package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.local.crypto.Secrets;

/**
 * Data-key ciphertexts: a hex {@link CiphertextBlob} under a symmetric key, GCM unless the key's
 * {@code datakey_mode} is CBC ({@link CbcDatakeys}).
 */
final class DatakeyCipher {
  /** KMS's data-key limit, in bytes. */
  static final int MAX_DATAKEY_BYTES = 1024;

  private DatakeyCipher() {}

  /** Wraps a DEK under a symmetric key; returns KMS's hex cipher_text. */
  static String wrap(LocalKey key, byte[] datakey, byte[] aad) {
    byte[] blob =
        key.datakeyMode() == DatakeyMode.CBC
            ? CbcDatakeys.wrap(key, datakey, aad)
            : GcmSealer.seal(
                CiphertextBlob.Kind.DATAKEY_GCM, key.keyId(), key.symmetric(), datakey, aad);
    return Encodings.hex(blob);
  }

  /**
   * Unwraps a data-key blob under its key. {@code claimedLength} is datakey_cipher_length: required
   * for CBC blobs (KMS.0204), and when given it must be the DEK's length (KMS.2204).
   */
  static byte[] unwrap(CiphertextBlob blob, LocalKey key, byte[] aad, Integer claimedLength) {
    if (blob.kind() == CiphertextBlob.Kind.DATAKEY_CBC) {
      if (claimedLength == null) {
        throw KmsError.MISSING_PARAMETER.exception(
            "datakey_cipher_length (required for CBC-mode data-key ciphertexts)");
      }
      return CbcDatakeys.unwrap(blob, key, aad, claimedLength);
    }
    byte[] datakey = GcmSealer.open(blob, key.symmetric(), aad);
    if (claimedLength != null && claimedLength != datakey.length) {
      Secrets.wipe(datakey);
      throw KmsError.DATAKEY_CIPHER_LENGTH_MISMATCH.exception(
          "datakey_cipher_length does not match the data key in cipher_text");
    }
    return datakey;
  }

  /** Parses datakey_cipher_length: absent is null, otherwise 1 to 1024 (KMS.0308). */
  static Integer claimedLength(String value) {
    return RequestFields.integer(
        "datakey_cipher_length", value, 1, MAX_DATAKEY_BYTES, KmsError.INVALID_PARAMETER);
  }
}
