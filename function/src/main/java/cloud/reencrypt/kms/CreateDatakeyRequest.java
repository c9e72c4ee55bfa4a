package cloud.reencrypt.kms;

/**
 * CreateDatakey and CreateDatakeyWithoutPlaintext request. {@code datakey_length} (bits) wins over
 * {@code key_spec}; neither means 256 bits.
 */
public record CreateDatakeyRequest(
    String keyId,
    String keySpec,
    String datakeyLength,
    String additionalAuthenticatedData,
    String sequence) {}
