package cloud.reencrypt.kms;

/** EncryptData request: UTF-8 {@code plain_text} of 1 to 4096 bytes. */
public record EncryptDataRequest(
    String keyId,
    String plainText,
    String encryptionAlgorithm,
    String additionalAuthenticatedData,
    String sequence) {}
