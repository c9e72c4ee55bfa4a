package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * EncryptDatakey request: {@code plain_text} is hex(DEK ‖ digest(DEK)), {@code
 * datakey_plain_length} the DEK's bytes.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EncryptDatakeyRequest(
    String keyId,
    @Redacted String plainText,
    String datakeyPlainLength,
    String additionalAuthenticatedData,
    String sequence) {
  @Override
  public String toString() {
    return RecordText.of(this);
  }
}
