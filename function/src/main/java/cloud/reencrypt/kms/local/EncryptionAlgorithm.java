package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.local.crypto.OaepHash;

/**
 * KMS's encryption algorithm names and the key specs each fits. An absent or empty name means
 * {@code SYMMETRIC_DEFAULT}, as in KMS.
 */
public enum EncryptionAlgorithm {
  SYMMETRIC_DEFAULT(null),
  RSAES_OAEP_SHA_1(OaepHash.SHA_1),
  RSAES_OAEP_SHA_256(OaepHash.SHA_256),
  SM2_ENCRYPT(null);

  private final OaepHash oaepHash;

  EncryptionAlgorithm(OaepHash oaepHash) {
    this.oaepHash = oaepHash;
  }

  /** Reads a request field; unknown names are KMS.0308. */
  public static EncryptionAlgorithm parse(String field, String value) {
    if (value == null || value.isEmpty()) {
      return SYMMETRIC_DEFAULT;
    }
    for (EncryptionAlgorithm algorithm : values()) {
      if (algorithm.name().equals(value)) {
        return algorithm;
      }
    }
    throw KmsError.INVALID_PARAMETER.exception(
        field + " must be SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256 or SM2_ENCRYPT");
  }

  public boolean symmetric() {
    return this == SYMMETRIC_DEFAULT;
  }

  /** The OAEP hash of an RSA algorithm; null for the others. */
  public OaepHash oaepHash() {
    return oaepHash;
  }

  /**
   * Refuses an algorithm the key cannot use: KMS.2105 for a symmetric key, KMS.2106 for an
   * asymmetric one.
   */
  public void requireFits(KeySpec spec, String field) {
    boolean fits =
        spec.symmetric()
            ? this == SYMMETRIC_DEFAULT
            : spec.rsa() ? oaepHash != null : this == SM2_ENCRYPT;
    if (!fits) {
      KmsError error =
          spec.symmetric()
              ? KmsError.SYMMETRIC_ALGORITHM_MISMATCH
              : KmsError.ASYMMETRIC_ALGORITHM_MISMATCH;
      throw error.exception(field + " " + name() + " does not fit key_spec " + spec.name());
    }
  }
}
