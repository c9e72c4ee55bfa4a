package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import java.util.Set;

/**
 * The key IDs one side of ReEncrypt may use. An empty list allows every key; otherwise any other
 * key, or a key that cannot be determined, is refused with KMS's permission error (KMS.0306, 403),
 * as KMS refuses a key the caller's policy does not grant.
 *
 * @param side {@code source} or {@code destination}, for the message
 */
public record KeyAllowList(String side, Set<String> keyIds) {
  public KeyAllowList {
    keyIds = Set.copyOf(keyIds);
  }

  public boolean allowsEveryKey() {
    return keyIds.isEmpty();
  }

  /**
   * Passes when the key is allowed.
   *
   * @param keyId the key, or null when it could not be determined
   */
  public void check(String keyId) {
    if (allowsEveryKey()) {
      return;
    }
    if (keyId == null) {
      throw refusal("the " + side + " key cannot be determined and only listed keys are allowed");
    }
    if (!keyIds.contains(keyId)) {
      throw refusal("the " + side + " key is not allowed by this function");
    }
  }

  private static KmsException refusal(String detail) {
    return KmsError.NO_PERMISSION.exception(detail);
  }
}
