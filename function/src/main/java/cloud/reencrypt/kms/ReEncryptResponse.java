package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** ReEncrypt response, field for field as in the official ReEncrypt document. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReEncryptResponse(
    String keyId,
    String sourceKeyId,
    String sourceEncryptionAlgorithm,
    String destinationEncryptionAlgorithm,
    String cipherText) {}
