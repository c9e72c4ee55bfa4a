package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KeyDetails;
import cloud.reencrypt.kms.KmsError;

/**
 * One key of the keystore as the engine uses it: its metadata and its material, parsed on first use
 * ({@link LazyMaterial}). Immutable; a state change produces a new snapshot of the keystore.
 *
 * @param scheduledDeletionDate milliseconds since the epoch as a string, empty unless pending
 *     deletion
 */
public record LocalKey(
    String keyId,
    String alias,
    KeySpec spec,
    String usage,
    KeyStateCode state,
    String description,
    String creationDate,
    String scheduledDeletionDate,
    DatakeyMode datakeyMode,
    LazyMaterial storedMaterial) {

  public static final String ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT";
  public static final String SIGN_VERIFY = "SIGN_VERIFY";

  /**
   * Refuses this key for encryption or decryption with {@code algorithm}: a state other than
   * enabled (KMS.0209/0210/0320), a signing key (KMS.0335), or an algorithm that does not fit its
   * spec (KMS.2105/2106).
   *
   * @param field the request field that named the key, for the message
   */
  public LocalKey requireUsable(
      String field, EncryptionAlgorithm algorithm, String algorithmField) {
    state.requireEnabled(field);
    if (!ENCRYPT_DECRYPT.equals(usage)) {
      throw KmsError.SIGN_VERIFY_KEY.exception(field + " has key_usage " + usage);
    }
    algorithm.requireFits(spec, algorithmField);
    return this;
  }

  /**
   * Refuses this key for data keys: a state other than enabled, then an asymmetric key (KMS.0325),
   * then a signing key.
   */
  public LocalKey requireDatakeyCapable(String field) {
    state.requireEnabled(field);
    if (!spec.symmetric()) {
      throw KmsError.ASYMMETRIC_NOT_SUPPORTED.exception(
          field + " is an asymmetric key; data keys need a symmetric key");
    }
    return requireUsable(field, EncryptionAlgorithm.SYMMETRIC_DEFAULT, "encryption algorithm");
  }

  /**
   * The parsed material, decoded on first use.
   *
   * @throws cloud.reencrypt.kms.KmsException KMS.0101 when the stored material is not a valid key
   */
  public KeyMaterial material() {
    return storedMaterial.get();
  }

  /** Raw key bytes of a symmetric key. */
  public KeyMaterial.Symmetric symmetric() {
    return (KeyMaterial.Symmetric) material();
  }

  /** The key's metadata only: the material never reaches a log. */
  @Override
  public String toString() {
    return "LocalKey[" + keyId + ", " + spec + ", state " + state.code() + "]";
  }

  /** KMS's description of this key, fields that do not apply left empty as KMS does. */
  public KeyDetails details(String domainId) {
    return new KeyDetails(
        keyId,
        domainId,
        alias,
        "",
        spec.name(),
        usage,
        description,
        creationDate,
        scheduledDeletionDate,
        state.code(),
        "0",
        "1",
        "",
        "kms",
        "false",
        "0",
        "0");
  }
}
