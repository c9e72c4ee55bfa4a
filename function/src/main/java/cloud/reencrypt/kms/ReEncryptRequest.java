package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** ReEncrypt request, field for field as in the official ReEncrypt document. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReEncryptRequest(
    String sourceKeyId,
    String sourceAdditionalAuthenticatedData,
    String sourceEncryptionAlgorithm,
    String destinationKeyId,
    String destinationAdditionalAuthenticatedData,
    String destinationEncryptionAlgorithm,
    String datakeyCipherLength,
    String cipherText) {}
