package cloud.reencrypt.kms;

/** EncryptData response: {@code cipher_text} is base64. */
public record EncryptDataResponse(String keyId, String cipherText) {}
