package cloud.reencrypt.config;

import java.util.Optional;

/**
 * The project's one credential type: an AK/SK pair, with the security token of temporary
 * credentials (an agency's, in FunctionGraph). KMS, OBS and the local servers' access keys all use
 * it. {@link #toString()} shows none of them, so no log or exception carries one.
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

  /** Whether these are temporary credentials, which carry a security token. */
  public boolean isTemporary() {
    return securityToken != null;
  }

  /** Names none of the three: an access key ID is an account identifier, the rest are secrets. */
  @Override
  public String toString() {
    return "Credentials[temporary=" + isTemporary() + "]";
  }
}
