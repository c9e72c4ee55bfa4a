package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** EncryptData request: UTF-8 {@code plain_text} of 1 to 4096 bytes. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EncryptDataRequest(
    String keyId,
    @Redacted String plainText,
    String encryptionAlgorithm,
    String additionalAuthenticatedData,
    String sequence) {
  @Override
  public String toString() {
    return RecordText.of(this);
  }
}
