package cloud.reencrypt.kms;

/**
 * The KMS error codes this project returns, with the HTTP status Huawei Cloud KMS uses for each.
 * Codes and statuses follow KMS's published error table; messages are ours.
 */
public enum KmsError {
  INVALID_URL("KMS.0201", 400, "Invalid request URL"),
  INVALID_JSON("KMS.0202", 400, "The request body is not valid JSON"),
  MESSAGE_TOO_LONG("KMS.0203", 400, "The request message is too long"),
  MISSING_PARAMETER("KMS.0204", 400, "A required parameter is missing"),
  INVALID_KEY_ID("KMS.0205", 400, "Invalid key ID"),
  KEY_NOT_FOUND("KMS.0207", 404, "The key does not exist"),
  KEY_DISABLED("KMS.0209", 400, "The key is disabled"),
  KEY_PENDING_DELETION("KMS.0210", 400, "The key is pending deletion"),
  METHOD_NOT_ALLOWED("KMS.0215", 405, "The request method is not supported"),
  TOKEN_MISSING("KMS.0301", 403, "X-Auth-Token is null or invalid"),
  TOKEN_INVALID("KMS.0302", 403, "Invalid X-Auth-Token"),
  URI_TOKEN_MISMATCH("KMS.0321", 403, "The URI and the token do not match"),
  NO_PERMISSION("KMS.0306", 403, "No permission for this key"),
  INVALID_PARAMETER("KMS.0308", 400, "Invalid parameter"),
  RSA_DECRYPT_FAILED("KMS.0311", 400, "Decrypting with the RSA private key failed"),
  RESOURCE_FROZEN("KMS.0320", 400, "The resource is frozen"),
  ASYMMETRIC_NOT_SUPPORTED("KMS.0325", 400, "Asymmetric keys do not support this operation"),
  SYMMETRIC_NOT_SUPPORTED("KMS.0331", 400, "Symmetric keys do not support this operation"),
  SIGN_VERIFY_KEY("KMS.0335", 400, "The key is for signing and verification"),
  HMAC_KEY("KMS.0341", 400, "HMAC keys do not support this operation"),
  INVALID_ALIAS("KMS.1101", 400, "Invalid key_alias"),
  INVALID_DESCRIPTION("KMS.1103", 400, "Invalid key_description"),
  DUPLICATE_ALIAS("KMS.1104", 400, "The key alias already exists"),
  EC_KEY_NOT_ENCRYPT("KMS.1114", 400, "EC keys do not support encryption or decryption"),
  SYMMETRIC_KEY_NOT_SIGN("KMS.1115", 400, "Symmetric keys do not support signing or verification"),
  KEY_NOT_DISABLED("KMS.1201", 400, "The key is not disabled"),
  KEY_NOT_ENABLED("KMS.1301", 400, "The key is not enabled"),
  INVALID_PENDING_DAYS("KMS.1401", 400, "pending_days must be between 7 and 1096"),
  ALREADY_PENDING_DELETION("KMS.1402", 400, "The key is already pending deletion"),
  NOT_PENDING_DELETION("KMS.1501", 400, "The key is not pending deletion"),
  INVALID_LIMIT("KMS.1601", 400, "Invalid limit"),
  INVALID_MARKER("KMS.1602", 400, "Invalid marker"),
  INVALID_DATAKEY_LENGTH("KMS.1901", 400, "datakey_length must be between 8 and 8192 bits"),
  INVALID_DATAKEY_SPEC("KMS.1902", 400, "Invalid data key key_spec"),
  DATAKEY_LENGTH_NOT_BYTES("KMS.1903", 400, "datakey_length must be a multiple of 8"),
  INVALID_PLAIN_TEXT("KMS.2101", 400, "Invalid plain_text"),
  DATAKEY_HASH_MISMATCH("KMS.2103", 400, "Data key hash verification failed"),
  DATAKEY_PLAIN_LENGTH_MISMATCH(
      "KMS.2104", 400, "plain_text length does not match datakey_plain_length"),
  SYMMETRIC_ALGORITHM_MISMATCH(
      "KMS.2105", 400, "Symmetric keys do not support this encryption algorithm"),
  ASYMMETRIC_ALGORITHM_MISMATCH(
      "KMS.2106", 400, "This asymmetric key does not support this encryption algorithm"),
  PLAINTEXT_TOO_LONG("KMS.2108", 400, "The plaintext is too long for this key"),
  INVALID_CIPHER_TEXT("KMS.2201", 400, "Invalid cipher_text"),
  DATAKEY_CIPHER_HASH_MISMATCH("KMS.2203", 400, "Data key hash verification failed"),
  DATAKEY_CIPHER_LENGTH_MISMATCH(
      "KMS.2204", 400, "cipher_text length does not match datakey_cipher_length"),
  /**
   * Throttling. KMS has no code of its own for it: the API gateway in front of KMS answers 429
   * {@code APIGW.0308} when the account's quota is used up.
   */
  THROTTLED("APIGW.0308", 429, "The throttling threshold has been reached"),
  INTERNAL_ERROR("KMS.0101", 500, "KMS internal error"),
  SERVICE_UNAVAILABLE("KMS.0104", 503, "KMS is unavailable");

  private final String code;
  private final int httpStatus;
  private final String message;

  KmsError(String code, int httpStatus, String message) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.message = message;
  }

  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String message() {
    return message;
  }

  /** An exception carrying this error and its default message. */
  public KmsException exception() {
    return new KmsException(this, message);
  }

  /**
   * An exception carrying this error with a more precise message. The detail must name fields and
   * limits only: never plaintext, key material or a whole ciphertext.
   */
  public KmsException exception(String detail) {
    return new KmsException(this, message + ": " + detail);
  }
}
