package cloud.reencrypt.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the local KMS server: the keystore's {@code project_id}, the AK/SK pairs of its
 * {@code credentials} and the tokens of its {@code auth_tokens}.
 *
 * <p>Secrets are held only here and never printed: there is deliberately no {@code toString}
 * showing them.
 */
public final class KeystoreAccess implements SignatureVerifier.SecretKeyLookup {
  private final String projectId;
  private final Map<String, byte[]> secretKeys;
  private final List<byte[]> tokenDigests;

  /**
   * @param secretKeys secret keys by access key
   * @param tokens the accepted {@code X-Auth-Token} values
   */
  public KeystoreAccess(
      String projectId, Map<String, String> secretKeys, Collection<String> tokens) {
    this.projectId = projectId;
    this.secretKeys = new HashMap<>();
    secretKeys.forEach((ak, sk) -> this.secretKeys.put(ak, sk.getBytes(StandardCharsets.UTF_8)));
    this.tokenDigests = new ArrayList<>();
    tokens.forEach(token -> tokenDigests.add(digest(token)));
  }

  public String projectId() {
    return projectId;
  }

  /** True when at least one credential or token exists, i.e. some request can be accepted. */
  public boolean admitsAnyone() {
    return !secretKeys.isEmpty() || !tokenDigests.isEmpty();
  }

  @Override
  public Optional<byte[]> secretKey(String accessKey) {
    return Optional.ofNullable(secretKeys.get(accessKey)).map(byte[]::clone);
  }

  /**
   * Whether the token is one of {@code auth_tokens}. Tokens are compared as SHA-256 digests in
   * constant time, and every token is compared, so timing reveals neither length nor position.
   */
  public boolean isKnownToken(String token) {
    byte[] candidate = digest(token);
    boolean known = false;
    for (byte[] tokenDigest : tokenDigests) {
      known |= MessageDigest.isEqual(candidate, tokenDigest);
    }
    return known;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
