package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The {@code {"key_info": ...}} envelope KMS wraps key metadata in. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyInfoResponse<T>(T keyInfo) {}
