package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.Digests;
import java.util.Set;

/**
 * The key specs the local engine holds: the encryption specs of Huawei Cloud KMS. KMS's
 * signing-only and MAC specs are known by name so that creating one gets KMS's own refusal.
 */
public enum KeySpec {
  AES_256(BlockCipher.AES, 0),
  SM4(BlockCipher.SM4, 0),
  RSA_2048(null, 2048),
  RSA_3072(null, 3072),
  RSA_4096(null, 4096),
  SM2(null, 0);

  private static final Set<String> EC_SPECS = Set.of("EC_P256", "EC_P384", "SECP256K1", "ED25519");
  private static final Set<String> HMAC_SPECS =
      Set.of("HMAC_256", "HMAC_384", "HMAC_512", "HMAC_SM3");

  private final BlockCipher blockCipher;
  private final int rsaBits;

  KeySpec(BlockCipher blockCipher, int rsaBits) {
    this.blockCipher = blockCipher;
    this.rsaBits = rsaBits;
  }

  /**
   * The spec a create-key request names: absent means {@code AES_256}; EC specs are refused with
   * KMS.1114, HMAC specs with KMS.0341, anything else unknown with KMS.0308.
   */
  public static KeySpec forCreateKey(String name) {
    if (name == null || name.isEmpty()) {
      return AES_256;
    }
    KeySpec spec = byName(name);
    if (spec != null) {
      return spec;
    }
    if (EC_SPECS.contains(name)) {
      throw KmsError.EC_KEY_NOT_ENCRYPT.exception("key_spec " + name + " is for signing only");
    }
    if (HMAC_SPECS.contains(name)) {
      throw KmsError.HMAC_KEY.exception("key_spec " + name + " is for MACs only");
    }
    throw unknown(name);
  }

  /** The spec with this exact name, or null. */
  public static KeySpec byName(String name) {
    for (KeySpec spec : values()) {
      if (spec.name().equals(name)) {
        return spec;
      }
    }
    return null;
  }

  public boolean symmetric() {
    return blockCipher != null;
  }

  public boolean rsa() {
    return rsaBits > 0;
  }

  /** The block cipher of a symmetric spec; null for asymmetric ones. */
  public BlockCipher blockCipher() {
    return blockCipher;
  }

  /** The modulus size of an RSA spec; 0 otherwise. */
  public int rsaBits() {
    return rsaBits;
  }

  /**
   * The digest KMS pairs with a data key under this key: SHA-256 for AES keys, SM3 for SM4 keys.
   */
  public byte[] datakeyDigest(byte[] datakey) {
    return this == SM4 ? Digests.sm3(datakey) : Digests.sha256(datakey);
  }

  private static KmsException unknown(String name) {
    return KmsError.INVALID_PARAMETER.exception(
        "key_spec must be one of AES_256, SM4, RSA_2048, RSA_3072, RSA_4096, SM2"
            + (name.length() <= 32 ? " (got " + name + ")" : ""));
  }
}
