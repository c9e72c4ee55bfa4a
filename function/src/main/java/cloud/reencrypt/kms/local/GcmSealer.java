package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.Randomness;
import java.security.GeneralSecurityException;

/**
 * AES-256-GCM / SM4-GCM inside a {@link CiphertextBlob}: payload = nonce (12, random) ‖ ciphertext
 * ‖ tag (16), the blob header and the caller's AAD authenticated with it.
 */
final class GcmSealer {
  private static final int NONCE = BlockCipher.GCM_NONCE_LENGTH;
  private static final int TAG = BlockCipher.GCM_TAG_LENGTH;

  private GcmSealer() {}

  static byte[] seal(
      CiphertextBlob.Kind kind,
      String keyId,
      KeyMaterial.Symmetric key,
      byte[] plaintext,
      byte[] aad) {
    byte[] nonce = Randomness.bytes(NONCE);
    byte[] authenticated =
        CiphertextBlob.authenticatedData(kind, keyId, NONCE + plaintext.length + TAG, aad);
    byte[] sealed = key.cipher().gcmEncrypt(key.key(), nonce, plaintext, authenticated);
    return CiphertextBlob.assemble(kind, keyId, nonce, sealed);
  }

  /** The plaintext; KMS.2201 when the tag fails (wrong key or AAD, any change to the blob). */
  static byte[] open(CiphertextBlob blob, KeyMaterial.Symmetric key, byte[] aad) {
    int length = blob.payloadLength();
    if (length <= NONCE + TAG) {
      throw undecryptable();
    }
    try {
      return key.cipher()
          .gcmDecrypt(
              key.key(),
              blob.payload(0, NONCE),
              blob.payload(NONCE, length),
              blob.authenticatedData(aad));
    } catch (GeneralSecurityException e) {
      throw undecryptable();
    }
  }

  static KmsException undecryptable() {
    return KmsError.INVALID_CIPHER_TEXT.exception(
        "cipher_text does not decrypt (wrong additional_authenticated_data or a damaged"
            + " ciphertext)");
  }
}
