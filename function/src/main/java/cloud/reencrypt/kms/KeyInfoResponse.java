package cloud.reencrypt.kms;

/** The {@code {"key_info": ...}} envelope KMS wraps key metadata in. */
public record KeyInfoResponse<T>(T keyInfo) {}
