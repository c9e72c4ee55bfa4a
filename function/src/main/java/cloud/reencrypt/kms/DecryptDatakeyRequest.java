package cloud.reencrypt.kms;

/** DecryptDatakey request: {@code datakey_cipher_length} is the plaintext DEK's byte count. */
public record DecryptDatakeyRequest(
    String keyId,
    String cipherText,
    String datakeyCipherLength,
    String additionalAuthenticatedData,
    String sequence) {}
