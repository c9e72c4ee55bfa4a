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
    byte[] plaintext = plainText.getBytes(StandardCharsets.UTF_8);
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
    LocalKey key;
    byte[] plaintext;
    if (algorithm.symmetric()) {
      CiphertextBlob blob = CipherTextInput.symmetricBlob(cipherText);
      if (blob.kind().datakey()) {
        throw KmsError.INVALID_CIPHER_TEXT.exception(
            "cipher_text is a data-key ciphertext: use decrypt-datakey");
      }
      key = BlobKeys.resolve(snapshot, blob, named, KEY_ID);
      plaintext = GcmSealer.open(blob, key.symmetric(), aad);
    } else {
      key = named;
      RequestFields.requireNoAadForAsymmetric(key, aad, AAD);
      plaintext = DataCipher.decryptAsymmetric(key, algorithm, cipherText);
    }
    try {
      return new DecryptDataResponse(
          key.keyId(), new String(plaintext, StandardCharsets.UTF_8), Encodings.base64(plaintext));
    } finally {
      Secrets.wipe(plaintext);
    }
  }
}
