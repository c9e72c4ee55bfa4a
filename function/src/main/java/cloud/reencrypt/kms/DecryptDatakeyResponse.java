package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * DecryptDatakey response: the DEK in hex, its length in bytes and its digest in hex. The digest is
 * hidden from {@code toString} too: a data key may be a single byte, which its digest gives away by
 * trial.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecryptDatakeyResponse(
    @Redacted String dataKey, String datakeyLength, @Redacted String datakeyDgst) {
  @Override
  public String toString() {
    return RecordText.of(this);
  }
}
