package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** ListKeys response; {@code total} is the one integer field in the KMS data plane. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ListKeysResponse(
    List<String> keys,
    List<KeyDetails> keyDetails,
    String nextMarker,
    String truncated,
    Integer total) {}
