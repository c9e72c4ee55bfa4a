package cloud.reencrypt.kms;

/** EncryptDatakey response: {@code cipher_text} in hex, {@code datakey_length} in bytes. */
public record EncryptDatakeyResponse(String keyId, String cipherText, String datakeyLength) {}
