package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * CreateDatakey and CreateDatakeyWithoutPlaintext request. {@code datakey_length} (bits) wins over
 * {@code key_spec}; neither means 256 bits.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateDatakeyRequest(
    String keyId,
    String keySpec,
    String datakeyLength,
    String additionalAuthenticatedData,
    String sequence) {}
