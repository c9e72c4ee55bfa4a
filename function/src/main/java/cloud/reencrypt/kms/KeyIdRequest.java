package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A request naming one key: describe-key, enable-key, disable-key, cancel-key-deletion. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyIdRequest(String keyId, String sequence) {}
