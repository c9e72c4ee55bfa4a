package cloud.reencrypt.kms;

/** A request naming one key: describe-key, enable-key, disable-key, cancel-key-deletion. */
public record KeyIdRequest(String keyId, String sequence) {}
