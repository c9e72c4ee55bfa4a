package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.local.crypto.RsaOaep;
import cloud.reencrypt.kms.local.crypto.Sm2;
import java.security.GeneralSecurityException;

/**
 * RSA-OAEP and SM2 encryption with a keystore key. Ciphertexts are the standard unwrapped outputs
 * (k raw bytes for RSA, GM/T 0009 DER for SM2), as KMS returns them, so the key's public half
 * encrypts offline and its private half decrypts offline.
 */
final class AsymmetricCipher {
  private AsymmetricCipher() {}

  /** The largest plaintext the key takes: k − 2·hLen − 2 bytes for RSA, 4096 for SM2. */
  static int maxPlaintext(LocalKey key, EncryptionAlgorithm algorithm) {
    if (key.spec().rsa()) {
      return RsaOaep.maxPlaintextLength(key.spec().rsaBits(), algorithm.oaepHash());
    }
    return DataCipher.MAX_PLAINTEXT;
  }

  /** Encrypts a plaintext already checked against {@link #maxPlaintext}. */
  static byte[] encrypt(LocalKey key, EncryptionAlgorithm algorithm, byte[] plaintext) {
    if (key.material() instanceof KeyMaterial.Rsa rsa) {
      try {
        return RsaOaep.encrypt(rsa.publicKey(), algorithm.oaepHash(), plaintext);
      } catch (GeneralSecurityException e) {
        throw KmsError.PLAINTEXT_TOO_LONG.exception("the plaintext does not fit this RSA key");
      }
    }
    return Sm2.encrypt(((KeyMaterial.Sm2Pair) key.material()).publicKey(), plaintext);
  }

  /** Decrypts; KMS.2201 for anything that is not a ciphertext of this key and algorithm. */
  static byte[] decrypt(LocalKey key, EncryptionAlgorithm algorithm, byte[] ciphertext) {
    // Parsed outside the try: a key that does not decode is the keystore's KMS.0101, not KMS.2201.
    KeyMaterial material = key.material();
    try {
      if (material instanceof KeyMaterial.Rsa rsa) {
        return RsaOaep.decrypt(rsa.privateKey(), algorithm.oaepHash(), ciphertext);
      }
      return Sm2.decrypt(((KeyMaterial.Sm2Pair) material).privateKey(), ciphertext);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw KmsError.INVALID_CIPHER_TEXT.exception(
          "cipher_text does not decrypt with this key and encryption algorithm");
    }
  }
}
