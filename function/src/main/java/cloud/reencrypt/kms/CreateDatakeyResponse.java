package cloud.reencrypt.kms;

/**
 * CreateDatakey response: {@code plain_text} and {@code cipher_text} in hex;
 * CreateDatakeyWithoutPlaintext leaves {@code plain_text} out.
 */
public record CreateDatakeyResponse(String keyId, String plainText, String cipherText) {}
