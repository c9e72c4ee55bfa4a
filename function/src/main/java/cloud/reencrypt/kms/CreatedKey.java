package cloud.reencrypt.kms;

/** CreateKey's {@code key_info}: the new key's ID and the owning domain. */
public record CreatedKey(String keyId, String domainId) {}
