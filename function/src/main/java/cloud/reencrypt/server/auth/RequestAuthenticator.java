package cloud.reencrypt.server.auth;

import cloud.reencrypt.kms.KmsError;
import java.time.Clock;

/**
 * Decides whether a request to the local KMS server is authenticated, as Huawei Cloud does: a
 * request carrying an {@code Authorization} header is an AK/SK-signed request and must verify
 * (failures are the gateway's 401 {@code APIGW.0301}); any other request must carry an {@code
 * X-Auth-Token} listed in the keystore (KMS's 403 {@code KMS.0301} when absent, {@code KMS.0302}
 * when unknown). A signed request is judged by its signature alone, whatever token it also carries.
 */
public final class RequestAuthenticator {
  private final KeystoreAccess access;
  private final SignatureVerifier verifier;

  public RequestAuthenticator(KeystoreAccess access, Clock clock) {
    this.access = access;
    this.verifier = new SignatureVerifier(access, clock);
  }

  /**
   * Returns normally for an authenticated request.
   *
   * @throws SignatureRejectedException for a signed request that does not verify
   * @throws cloud.reencrypt.kms.KmsException for a missing or unknown token
   */
  public void authenticate(SignableRequest request) throws SignatureRejectedException {
    if (request.header("authorization").isPresent()) {
      verifier.verify(request);
      return;
    }
    String token = request.header("x-auth-token").orElse("");
    if (token.isEmpty()) {
      throw KmsError.TOKEN_MISSING.exception();
    }
    if (!access.isKnownToken(token)) {
      throw KmsError.TOKEN_INVALID.exception();
    }
  }
}
