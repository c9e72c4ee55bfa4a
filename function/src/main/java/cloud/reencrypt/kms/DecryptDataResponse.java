package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** DecryptData response: the plaintext as UTF-8 text and as base64. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecryptDataResponse(
    String keyId, @Redacted String plainText, @Redacted String plainTextBase64) {
  @Override
  public String toString() {
    return RecordText.of(this);
  }
}
