package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** EncryptData response: {@code cipher_text} is base64. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EncryptDataResponse(String keyId, String cipherText) {}
