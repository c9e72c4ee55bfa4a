package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** CreateKey's {@code key_info}: the new key's ID and the owning domain. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreatedKey(String keyId, String domainId) {}
