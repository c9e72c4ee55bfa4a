package cloud.reencrypt.kms;

/** ListKeys request; every field optional, {@code key_spec} {@code ALL} lists every spec. */
public record ListKeysRequest(
    String limit,
    String marker,
    String keyState,
    String keySpec,
    String enterpriseProjectId,
    String sequence) {}
