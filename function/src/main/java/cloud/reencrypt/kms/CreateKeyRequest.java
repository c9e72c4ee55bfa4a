package cloud.reencrypt.kms;

/** CreateKey request ({@code /kms/create-key}). */
public record CreateKeyRequest(
    String keyAlias,
    String keySpec,
    String keyUsage,
    String keyDescription,
    String origin,
    String enterpriseProjectId,
    String sequence) {}
