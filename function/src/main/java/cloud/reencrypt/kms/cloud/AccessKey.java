package cloud.reencrypt.kms.cloud;

import java.util.Optional;

/**
 * An AK/SK pair, with the security token of temporary credentials (an agency's, in FunctionGraph).
 * {@link #toString()} shows the AK only: the SK and the token never reach a log.
 *
 * @param ak the access key ID
 * @param sk the secret access key
 * @param securityToken the temporary credentials' token, or null for permanent keys
 */
public record AccessKey(String ak, String sk, String securityToken) {
  public AccessKey {
    if (ak == null || ak.isBlank() || sk == null || sk.isBlank()) {
      throw new IllegalArgumentException("an access key needs both an AK and an SK");
    }
    securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
  }

  /**
   * The key the strings describe, or empty when the AK or SK is missing (a FunctionGraph context
   * without an agency, or a local context).
   */
  public static Optional<AccessKey> ifPresent(String ak, String sk, String token) {
    boolean present = ak != null && !ak.isBlank() && sk != null && !sk.isBlank();
    return present ? Optional.of(new AccessKey(ak, sk, token)) : Optional.empty();
  }

  @Override
  public String toString() {
    return "AccessKey[ak=" + ak + ", sk=***" + (securityToken == null ? "" : ", token=***") + "]";
  }
}
