package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** DecryptDatakey response: the DEK in hex, its length in bytes and its digest in hex. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecryptDatakeyResponse(String dataKey, String datakeyLength, String datakeyDgst) {}
