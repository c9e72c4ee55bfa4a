package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * CreateDatakey response: {@code plain_text} and {@code cipher_text} in hex;
 * CreateDatakeyWithoutPlaintext leaves {@code plain_text} out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateDatakeyResponse(String keyId, @Redacted String plainText, String cipherText) {
  @Override
  public String toString() {
    return RecordText.of(this);
  }
}
