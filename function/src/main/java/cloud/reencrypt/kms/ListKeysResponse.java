package cloud.reencrypt.kms;

import java.util.List;

/** ListKeys response; {@code total} is the one integer field in the KMS data plane. */
public record ListKeysResponse(
    List<String> keys,
    List<KeyDetails> keyDetails,
    String nextMarker,
    String truncated,
    Integer total) {}
