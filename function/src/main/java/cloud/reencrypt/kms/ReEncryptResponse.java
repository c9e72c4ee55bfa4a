package cloud.reencrypt.kms;

/** ReEncrypt response, field for field as in the official ReEncrypt document. */
public record ReEncryptResponse(
    String keyId,
    String sourceKeyId,
    String sourceEncryptionAlgorithm,
    String destinationEncryptionAlgorithm,
    String cipherText) {}
