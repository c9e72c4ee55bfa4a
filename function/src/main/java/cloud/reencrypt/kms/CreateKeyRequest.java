package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** CreateKey request ({@code /kms/create-key}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateKeyRequest(
    String keyAlias,
    String keySpec,
    String keyUsage,
    String keyDescription,
    String origin,
    String enterpriseProjectId,
    String sequence) {}
