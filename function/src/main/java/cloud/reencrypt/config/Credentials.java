package cloud.reencrypt.config;

import java.util.Optional;

/**
 * The project's one credential type: an AK/SK pair, with the security token of temporary
 * credentials (an agency's, in FunctionGraph). KMS, OBS and the local servers' access keys all use
 * it. {@link #toString()} shows the AK only: the SK and the token never reach a log.
 *
 * @param accessKey the access key ID
 * @param secretKey the secret access key
 * @param securityToken the temporary credentials' token, or null for permanent keys
 */
public record Credentials(String accessKey, String secretKey, String securityToken) {
  public Credentials {
    if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("an access key needs both an AK and an SK");
    }
    securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
  }

  /**
   * The key the strings describe, or empty when the AK or SK is missing (a FunctionGraph context
   * without an agency, or a local context).
   */
  public static Optional<Credentials> ifPresent(String ak, String sk, String token) {
    boolean present = ak != null && !ak.isBlank() && sk != null && !sk.isBlank();
    return present ? Optional.of(new Credentials(ak, sk, token)) : Optional.empty();
  }

  @Override
  public String toString() {
    return "Credentials[accessKey="
        + accessKey
        + ", secretKey=***"
        + (securityToken == null ? "" : ", token=***")
        + "]";
  }
}
