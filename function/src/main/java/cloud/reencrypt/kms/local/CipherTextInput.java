package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import java.util.Optional;

/**
 * The input rule for symmetric cipher_text: a value that is entirely hex, of even length, and
 * parses as a data-key blob is a data-key ciphertext; anything else is read as (strict) base64 and
 * must be a data blob. Everything else is KMS.2201.
 */
final class CipherTextInput {
  private CipherTextInput() {}

  static CiphertextBlob symmetricBlob(String cipherText) {
    if (Encodings.isEvenHex(cipherText)) {
      Optional<CiphertextBlob> blob = CiphertextBlob.parse(Encodings.hex(cipherText));
      if (blob.isPresent() && blob.get().kind().datakey()) {
        return blob.get();
      }
    }
    byte[] decoded = Encodings.strictBase64(cipherText);
    if (decoded == null) {
      throw KmsError.INVALID_CIPHER_TEXT.exception(
          "cipher_text is neither a hex data-key ciphertext nor base64");
    }
    CiphertextBlob blob =
        CiphertextBlob.parse(decoded)
            .orElseThrow(
                () ->
                    KmsError.INVALID_CIPHER_TEXT.exception("cipher_text is not a KMS ciphertext"));
    if (blob.kind().datakey()) {
      throw KmsError.INVALID_CIPHER_TEXT.exception("data-key ciphertexts are hex, not base64");
    }
    return blob;
  }
}
