package cloud.reencrypt.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the local KMS server, as the keystore file says: its {@code project_id}, the AK/SK
 * pairs in {@code credentials} and the tokens in {@code auth_tokens}. Only these fields are read;
 * the keys belong to the engine.
 *
 * <p>Secrets are held only here and never printed: there is deliberately no {@code toString}
 * showing them, and load errors name the field, never its value.
 */
public final class KeystoreAccess implements SignatureVerifier.SecretKeyLookup {
  private final String projectId;
  private final Map<String, byte[]> secretKeys;
  private final List<byte[]> tokenDigests;

  public KeystoreAccess(String projectId, Map<String, String> secretKeys, List<String> tokens) {
    this.projectId = projectId;
    this.secretKeys = new HashMap<>();
    secretKeys.forEach((ak, sk) -> this.secretKeys.put(ak, sk.getBytes(StandardCharsets.UTF_8)));
    this.tokenDigests = new ArrayList<>();
    tokens.forEach(token -> tokenDigests.add(digest(token)));
  }

  /**
   * Reads the access fields of a keystore file.
   *
   * @throws IOException if the file cannot be read or lacks a {@code project_id}, or a credential
   *     lacks its access or secret key
   */
  public static KeystoreAccess read(Path keystore) throws IOException {
    JsonNode root = new ObjectMapper().readTree(keystore.toFile());
    String projectId = root == null ? "" : root.path("project_id").asText("");
    if (projectId.isEmpty()) {
      throw new IOException("keystore " + keystore + " has no project_id");
    }
    Map<String, String> secretKeys = new HashMap<>();
    JsonNode credentials = root.path("credentials");
    for (int i = 0; i < credentials.size(); i++) {
      String ak = credentials.get(i).path("access_key").asText("");
      String sk = credentials.get(i).path("secret_key").asText("");
      if (ak.isEmpty() || sk.isEmpty()) {
        throw new IOException(
            "keystore " + keystore + ": credentials[" + i + "] needs access_key and secret_key");
      }
      secretKeys.put(ak, sk);
    }
    List<String> tokens = new ArrayList<>();
    root.path("auth_tokens").forEach(token -> tokens.add(token.asText("")));
    tokens.removeIf(String::isEmpty);
    return new KeystoreAccess(projectId, secretKeys, tokens);
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
