package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsException;
import java.util.function.Supplier;

/**
 * A key's material, parsed on first use. Symmetric keys arrive parsed (their check is a length);
 * RSA and SM2 private keys are decoded the first time a request uses them, so a request that needs
 * only an AES key never loads an RSA or SM2 parser (start-up time, see the cold-start benchmark).
 * The parse goes through the keystore's {@link MaterialCache}, so each key is decoded once per
 * process; a key whose material does not decode fails every use with the keystore's KMS.0101.
 */
final class LazyMaterial {
  private final Supplier<KeyMaterial> parser;
  private volatile KeyMaterial material;

  private LazyMaterial(KeyMaterial material, Supplier<KeyMaterial> parser) {
    this.material = material;
    this.parser = parser;
  }

  static LazyMaterial parsed(KeyMaterial material) {
    return new LazyMaterial(material, null);
  }

  /**
   * @param parser parses the material, throwing a {@link KmsException} (KMS.0101) that names the
   *     key but never the material when it is not a valid key
   */
  static LazyMaterial deferred(Supplier<KeyMaterial> parser) {
    return new LazyMaterial(null, parser);
  }

  KeyMaterial get() {
    KeyMaterial current = material;
    if (current == null) {
      current = parser.get();
      material = current;
    }
    return current;
  }
}
