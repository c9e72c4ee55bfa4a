package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateDatakeyResponse;
import cloud.reencrypt.kms.DecryptDatakeyRequest;
import cloud.reencrypt.kms.DecryptDatakeyResponse;
import cloud.reencrypt.kms.EncryptDatakeyRequest;
import cloud.reencrypt.kms.EncryptDatakeyResponse;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.local.crypto.Randomness;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * create-datakey, create-datakey-without-plaintext, encrypt-datakey and decrypt-datakey: data keys
 * under symmetric keys, DEKs and their ciphertexts in hex, digests SHA-256 (AES keys) or SM3 (SM4
 * keys).
 */
final class DatakeyOperations {
  private static final String KEY_ID = "key_id";
  private static final String AAD = "additional_authenticated_data";
  private static final int DIGEST_LENGTH = 32;

  private final LocalKeystore keystore;

  DatakeyOperations(LocalKeystore keystore) {
    this.keystore = keystore;
  }

  CreateDatakeyResponse createDatakey(CreateDatakeyRequest request, boolean withPlaintext) {
    byte[] aad = RequestFields.aad(AAD, request.additionalAuthenticatedData());
    int bytes = datakeyBytes(request);
    LocalKey key = datakeyKey(request.keyId());
    byte[] datakey = Randomness.bytes(bytes);
    try {
      String cipherText = DatakeyCipher.wrap(key, datakey, aad);
      return new CreateDatakeyResponse(
          key.keyId(), withPlaintext ? Encodings.hex(datakey) : null, cipherText);
    } finally {
      Secrets.wipe(datakey);
    }
  }

  /** plain_text is hex(DEK ‖ digest(DEK)); the digest must verify (KMS.2103). */
  EncryptDatakeyResponse encryptDatakey(EncryptDatakeyRequest request) {
    byte[] aad = RequestFields.aad(AAD, request.additionalAuthenticatedData());
    Integer length =
        RequestFields.integer(
            "datakey_plain_length",
            RequestFields.required("datakey_plain_length", request.datakeyPlainLength()),
            1,
            DatakeyCipher.MAX_DATAKEY_BYTES,
            KmsError.INVALID_PARAMETER);
    String plainText = RequestFields.required("plain_text", request.plainText());
    LocalKey key = datakeyKey(request.keyId());
    if (!Encodings.isEvenHex(plainText)) {
      throw KmsError.INVALID_PLAIN_TEXT.exception("plain_text must be hex");
    }
    byte[] plain = Encodings.hex(plainText);
    byte[] datakey = Arrays.copyOf(plain, Math.min(length, plain.length));
    try {
      requireLengthAndDigest(key, plain, length, datakey);
      return new EncryptDatakeyResponse(
          key.keyId(), DatakeyCipher.wrap(key, datakey, aad), Integer.toString(length));
    } finally {
      Secrets.wipe(plain, datakey);
    }
  }

  private static void requireLengthAndDigest(
      LocalKey key, byte[] plain, int length, byte[] datakey) {
    if (plain.length != length + DIGEST_LENGTH) {
      throw KmsError.DATAKEY_PLAIN_LENGTH_MISMATCH.exception(
          "plain_text must be datakey_plain_length + 32 bytes");
    }
    byte[] digest = Arrays.copyOfRange(plain, length, plain.length);
    if (!MessageDigest.isEqual(digest, key.spec().datakeyDigest(datakey))) {
      throw KmsError.DATAKEY_HASH_MISMATCH.exception(
          "the digest in plain_text is not the data key's "
              + (key.spec() == KeySpec.SM4 ? "SM3" : "SHA-256"));
    }
  }

  DecryptDatakeyResponse decryptDatakey(DecryptDatakeyRequest request) {
    byte[] aad = RequestFields.aad(AAD, request.additionalAuthenticatedData());
    Integer length =
        DatakeyCipher.claimedLength(
            RequestFields.required("datakey_cipher_length", request.datakeyCipherLength()));
    String cipherText = RequestFields.required("cipher_text", request.cipherText());
    KeystoreSnapshot snapshot = keystore.snapshot();
    LocalKey named = datakeyKey(snapshot, request.keyId());
    CiphertextBlob blob = CipherTextInput.symmetricBlob(cipherText);
    if (!blob.kind().datakey()) {
      throw KmsError.INVALID_CIPHER_TEXT.exception(
          "cipher_text is a data ciphertext: use decrypt-data");
    }
    LocalKey key = BlobKeys.resolve(snapshot, blob, named, KEY_ID);
    byte[] datakey = DatakeyCipher.unwrap(blob, key, aad, length);
    try {
      return new DecryptDatakeyResponse(
          Encodings.hex(datakey),
          Integer.toString(datakey.length),
          Encodings.hex(key.spec().datakeyDigest(datakey)));
    } finally {
      Secrets.wipe(datakey);
    }
  }

  private LocalKey datakeyKey(String keyId) {
    return datakeyKey(keystore.snapshot(), keyId);
  }

  private static LocalKey datakeyKey(KeystoreSnapshot snapshot, String keyId) {
    return snapshot
        .key(KEY_ID, RequestFields.required(KEY_ID, keyId))
        .requireDatakeyCapable(KEY_ID);
  }

  /** datakey_length (bits, wins) or key_spec; neither means 256 bits. */
  private static int datakeyBytes(CreateDatakeyRequest request) {
    if (RequestFields.present(request.datakeyLength())) {
      Integer bits =
          RequestFields.integer(
              "datakey_length", request.datakeyLength(), 8, 8192, KmsError.INVALID_DATAKEY_LENGTH);
      if (bits % 8 != 0) {
        throw KmsError.DATAKEY_LENGTH_NOT_BYTES.exception();
      }
      return bits / 8;
    }
    String spec = request.keySpec();
    if (!RequestFields.present(spec) || spec.equals("AES_256")) {
      return 32;
    }
    if (spec.equals("AES_128") || spec.equals("SM4")) {
      return 16;
    }
    throw KmsError.INVALID_DATAKEY_SPEC.exception("key_spec must be AES_256, AES_128 or SM4");
  }
}
