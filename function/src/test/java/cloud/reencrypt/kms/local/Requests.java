package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.DecryptDatakeyRequest;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.EncryptDatakeyRequest;
import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.ReEncryptRequest;

/** Test support: KMS requests with the fields a test cares about, the rest absent. */
final class Requests {
  private Requests() {}

  static CreateKeyRequest createKey(String alias, String spec) {
    return new CreateKeyRequest(alias, spec, null, null, null, null, null);
  }

  static KeyIdRequest keyId(String keyId) {
    return new KeyIdRequest(keyId, null);
  }

  static EncryptDataRequest encrypt(String keyId, String plainText, String algorithm, String aad) {
    return new EncryptDataRequest(keyId, plainText, algorithm, aad, null);
  }

  static DecryptDataRequest decrypt(String cipherText, String keyId, String algorithm, String aad) {
    return new DecryptDataRequest(cipherText, algorithm, keyId, aad, null);
  }

  static CreateDatakeyRequest createDatakey(String keyId, String lengthBits, String aad) {
    return new CreateDatakeyRequest(keyId, null, lengthBits, aad, null);
  }

  static EncryptDatakeyRequest encryptDatakey(
      String keyId, String plainTextHex, String length, String aad) {
    return new EncryptDatakeyRequest(keyId, plainTextHex, length, aad, null);
  }

  static DecryptDatakeyRequest decryptDatakey(
      String keyId, String cipherText, String length, String aad) {
    return new DecryptDatakeyRequest(keyId, cipherText, length, aad, null);
  }

  /** A re-encrypt to {@code destination} with defaults for everything else. */
  static ReEncryptRequest reEncrypt(String cipherText, String sourceKeyId, String destination) {
    return new ReEncryptRequest(sourceKeyId, null, null, destination, null, null, null, cipherText);
  }
}
