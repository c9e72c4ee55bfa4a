package cloud.reencrypt.kms;

/** DecryptData request; {@code key_id} is required only for asymmetric ciphertexts. */
public record DecryptDataRequest(
    String cipherText,
    String encryptionAlgorithm,
    String keyId,
    String additionalAuthenticatedData,
    String sequence) {}
