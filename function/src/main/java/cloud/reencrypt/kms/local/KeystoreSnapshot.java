package cloud.reencrypt.kms.local;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.KmsError;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One consistent version of the keystore: its settings and its keys by ID, in file order.
 * Immutable; lookups are hash-map gets.
 *
 * @param publicDemo the file's {@code "public_demo": true}
 * @param keys the keys by ID, iterating in file order
 */
public record KeystoreSnapshot(
    String projectId,
    String domainId,
    boolean publicDemo,
    List<Credentials> credentials,
    List<String> authTokens,
    Map<String, LocalKey> keys) {

  /**
   * The key a request field names: KMS.0205 when the value is not a key ID, KMS.0207 when there is
   * no such key.
   */
  public LocalKey key(String field, String keyId) {
    return key(KeyIds.requireValid(field, keyId));
  }

  /** The key with this (already validated) ID; KMS.0207 when there is none. */
  public LocalKey key(String keyId) {
    LocalKey key = keys.get(keyId);
    if (key == null) {
      throw KmsError.KEY_NOT_FOUND.exception(keyId);
    }
    return key;
  }

  public Collection<LocalKey> allKeys() {
    return keys.values();
  }

  /** Names the project and counts the keys; secrets, tokens and material stay out of logs. */
  @Override
  public String toString() {
    return "KeystoreSnapshot[projectId=" + projectId + ", keys=" + keys.size() + "]";
  }
}
