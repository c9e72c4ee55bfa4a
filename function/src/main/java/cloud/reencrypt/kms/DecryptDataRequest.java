package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** DecryptData request; {@code key_id} is required only for asymmetric ciphertexts. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecryptDataRequest(
    String cipherText,
    String encryptionAlgorithm,
    String keyId,
    String additionalAuthenticatedData,
    String sequence) {}
