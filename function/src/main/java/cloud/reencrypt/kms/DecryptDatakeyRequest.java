package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** DecryptDatakey request: {@code datakey_cipher_length} is the plaintext DEK's byte count. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecryptDatakeyRequest(
    String keyId,
    String cipherText,
    String datakeyCipherLength,
    String additionalAuthenticatedData,
    String sequence) {}
