package cloud.reencrypt.server.auth;

/**
 * An AK/SK-signed request that does not verify. The API gateway answers these with HTTP 401 and
 * {@code APIGW.0301}. The message says what was wrong and is safe to return: it never holds a
 * secret key, a signature or any part of the body.
 */
public final class SignatureRejectedException extends Exception {
  public static final String ERROR_CODE = "APIGW.0301";
  public static final int HTTP_STATUS = 401;

  public SignatureRejectedException(String reason) {
    super("Incorrect IAM authentication information: " + reason, null, false, false);
  }
}
