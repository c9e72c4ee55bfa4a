package cloud.reencrypt.kms;

/** ReEncrypt request, field for field as in the official ReEncrypt document. */
public record ReEncryptRequest(
    String sourceKeyId,
    String sourceAdditionalAuthenticatedData,
    String sourceEncryptionAlgorithm,
    String destinationKeyId,
    String destinationAdditionalAuthenticatedData,
    String destinationEncryptionAlgorithm,
    String datakeyCipherLength,
    String cipherText) {}
