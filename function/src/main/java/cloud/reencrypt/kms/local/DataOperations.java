package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.DecryptDataResponse;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.EncryptDataResponse;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.nio.charset.StandardCharsets;

/** encrypt-data and decrypt-data. */
final class DataOperations {
  private static final String KEY_ID = "key_id";
  private static final String ALGORITHM = "encryption_algorithm";
  private static final String AAD = "additional_authenticated_data";

  private final LocalKeystore keystore;

  DataOperations(LocalKeystore keystore) {
    this.keystore = keystore;
  }

  EncryptDataResponse encryptData(EncryptDataRequest request) {
    EncryptionAlgorithm algorithm =
        EncryptionAlgorithm.parse(ALGORITHM, request.encryptionAlgorithm());
    byte[] aad = RequestFields.aad(AAD, request.additionalAuthenticatedData());
    String plainText = RequestFields.required("plain_text", request.plainText());
    LocalKey key =
        keystore
            .snapshot()
            .key(KEY_ID, RequestFields.required(KEY_ID, request.keyId()))
            .requireUsable(KEY_ID, algorithm, ALGORITHM);
    RequestFields.requireNoAadForAsymmetric(key, aad, AAD);
    byte[] plaintext = RequestFields.utf8("plain_text", plainText, KmsError.INVALID_PLAIN_TEXT);
    try {
      DataCipher.requireFits(key, algorithm, plaintext.length);
      return new EncryptDataResponse(
          key.keyId(), DataCipher.encrypt(key, algorithm, plaintext, aad));
    } finally {
      Secrets.wipe(plaintext);
    }
  }

  /**
   * Symmetric ciphertexts name their key, so {@code key_id} is optional (and must match when
   * given); asymmetric ones need {@code key_id} and the algorithm.
   */
  DecryptDataResponse decryptData(DecryptDataRequest request) {
    EncryptionAlgorithm algorithm =
        EncryptionAlgorithm.parse(ALGORITHM, request.encryptionAlgorithm());
    byte[] aad = RequestFields.aad(AAD, request.additionalAuthenticatedData());
    String cipherText = RequestFields.required("cipher_text", request.cipherText());
    KeystoreSnapshot snapshot = keystore.snapshot();
    if (!algorithm.symmetric() && !RequestFields.present(request.keyId())) {
      throw KmsError.MISSING_PARAMETER.exception(KEY_ID + " (required for asymmetric keys)");
    }
    LocalKey named =
        RequestFields.present(request.keyId())
            ? snapshot.key(KEY_ID, request.keyId()).requireUsable(KEY_ID, algorithm, ALGORITHM)
            : null;
    return algorithm.symmetric()
        ? decryptSymmetric(snapshot, cipherText, named, aad)
        : decryptAsymmetric(named, algorithm, cipherText, aad);
  }

  private static DecryptDataResponse decryptSymmetric(
      KeystoreSnapshot snapshot, String cipherText, LocalKey named, byte[] aad) {
    CiphertextBlob blob = CipherTextInput.symmetricBlob(cipherText);
    if (blob.kind().datakey()) {
      throw KmsError.INVALID_CIPHER_TEXT.exception(
          "cipher_text is a data-key ciphertext: use decrypt-datakey");
    }
    LocalKey key = BlobKeys.resolve(snapshot, blob, named, KEY_ID);
    return decrypted(key, GcmSealer.open(blob, key.symmetric(), aad));
  }

  private static DecryptDataResponse decryptAsymmetric(
      LocalKey key, EncryptionAlgorithm algorithm, String cipherText, byte[] aad) {
    RequestFields.requireNoAadForAsymmetric(key, aad, AAD);
    return decrypted(key, DataCipher.decryptAsymmetric(key, algorithm, cipherText));
  }

  /**
   * Takes {@code plaintext} over: it is wiped once the response holds its text and base64 copies.
   */
  private static DecryptDataResponse decrypted(LocalKey key, byte[] plaintext) {
    try {
      return new DecryptDataResponse(
          key.keyId(), new String(plaintext, StandardCharsets.UTF_8), Encodings.base64(plaintext));
    } finally {
      Secrets.wipe(plaintext);
    }
  }
}
