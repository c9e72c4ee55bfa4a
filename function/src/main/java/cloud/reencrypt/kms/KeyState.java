package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A key's ID and state code, as enable, disable, schedule and cancel deletion return it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyState(String keyId, String keyState) {}
