package cloud.reencrypt.store;

import java.util.Map;

/**
 * Credentials for OBS: an access key pair, plus a security token when the pair is temporary (the
 * FunctionGraph agency's credentials from the context are). {@link #toString()} shows none of the
 * three.
 *
 * @param accessKey the access key ID (AK)
 * @param secretKey the secret access key (SK)
 * @param securityToken the security token of temporary credentials, or null for permanent ones
 */
public record ObsCredentials(String accessKey, String secretKey, String securityToken) {
  /** The environment variables the OBS SDK's own environment provider reads, used locally. */
  public static final String ACCESS_KEY_VARIABLE = "OBS_ACCESS_KEY_ID";

  public static final String SECRET_KEY_VARIABLE = "OBS_SECRET_ACCESS_KEY";
  public static final String SECURITY_TOKEN_VARIABLE = "OBS_SECURITY_TOKEN";

  public ObsCredentials {
    if (isBlank(accessKey) || isBlank(secretKey)) {
      throw new IllegalArgumentException("OBS credentials need an access key and a secret key");
    }
    securityToken = isBlank(securityToken) ? null : securityToken;
  }

  /**
   * Credentials from {@value #ACCESS_KEY_VARIABLE}, {@value #SECRET_KEY_VARIABLE} and, for
   * temporary credentials, {@value #SECURITY_TOKEN_VARIABLE}.
   *
   * @param environment the variables, usually {@code System.getenv()}
   * @throws IllegalArgumentException in one line naming the missing variables
   */
  public static ObsCredentials fromEnvironment(Map<String, String> environment) {
    String accessKey = environment.get(ACCESS_KEY_VARIABLE);
    String secretKey = environment.get(SECRET_KEY_VARIABLE);
    if (isBlank(accessKey) || isBlank(secretKey)) {
      throw new IllegalArgumentException(
          "OBS credentials missing: set "
              + ACCESS_KEY_VARIABLE
              + " and "
              + SECRET_KEY_VARIABLE
              + " (and "
              + SECURITY_TOKEN_VARIABLE
              + " for temporary credentials)");
    }
    return new ObsCredentials(accessKey, secretKey, environment.get(SECURITY_TOKEN_VARIABLE));
  }

  public boolean isTemporary() {
    return securityToken != null;
  }

  @Override
  public String toString() {
    return "ObsCredentials[temporary=" + isTemporary() + "]";
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
