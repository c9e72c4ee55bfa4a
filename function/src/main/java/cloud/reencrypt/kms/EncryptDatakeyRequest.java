package cloud.reencrypt.kms;

/**
 * EncryptDatakey request: {@code plain_text} is hex(DEK ‖ digest(DEK)), {@code
 * datakey_plain_length} the DEK's bytes.
 */
public record EncryptDatakeyRequest(
    String keyId,
    String plainText,
    String datakeyPlainLength,
    String additionalAuthenticatedData,
    String sequence) {}
