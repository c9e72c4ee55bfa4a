package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** EncryptDatakey response: {@code cipher_text} in hex, {@code datakey_length} in bytes. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EncryptDatakeyResponse(String keyId, String cipherText, String datakeyLength) {}
