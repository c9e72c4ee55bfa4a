package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** ListKeys request; every field optional, {@code key_spec} {@code ALL} lists every spec. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ListKeysRequest(
    String limit,
    String marker,
    String keyState,
    String keySpec,
    String enterpriseProjectId,
    String sequence) {}
