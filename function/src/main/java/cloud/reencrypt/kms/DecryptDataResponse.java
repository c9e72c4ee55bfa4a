package cloud.reencrypt.kms;

/** DecryptData response: the plaintext as UTF-8 text and as base64. */
public record DecryptDataResponse(String keyId, String plainText, String plainTextBase64) {}
