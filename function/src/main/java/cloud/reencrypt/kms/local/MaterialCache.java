package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.RecordText;
import cloud.reencrypt.kms.Redacted;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed key material by key ID, so that reloading the keystore after another process's write
 * parses only keys that are new or changed: RSA and SM2 private keys are decoded once per process.
 */
final class MaterialCache {
  /** One key's stored text and what it parsed to; package-private for its toString test. */
  record Entry(KeySpec spec, @Redacted String encoded, @Redacted KeyMaterial material) {
    @Override
    public String toString() {
      return RecordText.of(this);
    }
  }

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** The parsed material for a key, from the cache when the stored text is unchanged. */
  KeyMaterial get(String keyId, KeySpec spec, String encoded) throws GeneralSecurityException {
    Entry cached = entries.get(keyId);
    if (cached != null && cached.spec == spec && cached.encoded.equals(encoded)) {
      return cached.material;
    }
    byte[] raw = Encodings.strictBase64(encoded);
    if (raw == null) {
      throw new GeneralSecurityException("key_material is not base64");
    }
    KeyMaterial material;
    try {
      material = KeyMaterial.parse(spec, raw);
    } finally {
      if (!spec.symmetric()) {
        Secrets.wipe(raw);
      }
    }
    entries.put(keyId, new Entry(spec, encoded, material));
    return material;
  }

  /** Forgets keys no longer in the file. */
  void retain(Set<String> keyIds) {
    entries.keySet().retainAll(keyIds);
  }
}
