package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.local.KeystoreDocument.KeyEntry;
import java.security.GeneralSecurityException;

/**
 * Reads one entry of the keystore's {@code keys} array into a {@link LocalKey}, checking every
 * field. Messages name the entry and the field; the material itself never appears.
 */
final class KeyEntryReader {
  private final KeyEntry entry;
  private final String where;
  private final MaterialCache materials;
  private final KeystoreCodec codec;

  KeyEntryReader(KeyEntry entry, String where, MaterialCache materials, KeystoreCodec codec) {
    this.entry = entry;
    this.where = where;
    this.materials = materials;
    this.codec = codec;
  }

  LocalKey read() {
    if (entry == null) {
      throw codec.unreadable(where + " must be an object");
    }
    String keyId = text(entry.keyId(), "");
    if (!KeyIds.isValid(keyId)) {
      throw codec.unreadable(where + ": key_id must be a lower-case UUID");
    }
    String at = where + " (" + keyId + ")";
    KeySpec spec = KeySpec.byName(text(entry.keySpec(), ""));
    if (spec == null) {
      throw codec.unreadable(
          at + ": key_spec must be AES_256, SM4, RSA_2048, RSA_3072, RSA_4096 or SM2");
    }
    KeyStateCode state = KeyStateCode.byCode(text(entry.keyState(), ""));
    if (state == null) {
      throw codec.unreadable(at + ": key_state must be one of 1, 2, 3, 4, 5, 7");
    }
    return new LocalKey(
        keyId,
        text(entry.keyAlias(), ""),
        spec,
        text(entry.keyUsage(), LocalKey.ENCRYPT_DECRYPT),
        state,
        text(entry.keyDescription(), ""),
        text(entry.creationDate(), ""),
        text(entry.scheduledDeletionDate(), ""),
        datakeyMode(spec, at),
        material(keyId, spec, at));
  }

  private DatakeyMode datakeyMode(KeySpec spec, String at) {
    String mode = text(entry.datakeyMode(), DatakeyMode.GCM.name());
    if (mode.equals(DatakeyMode.GCM.name())) {
      return DatakeyMode.GCM;
    }
    if (mode.equals(DatakeyMode.CBC.name()) && spec.symmetric()) {
      return DatakeyMode.CBC;
    }
    throw codec.unreadable(at + ": datakey_mode must be GCM or CBC, CBC on symmetric keys only");
  }

  /**
   * Symmetric material is checked now; RSA and SM2 material is decoded on first use, where a bad
   * key fails with the same KMS.0101 message.
   */
  private LazyMaterial material(String keyId, KeySpec spec, String at) {
    String encoded = text(entry.keyMaterial(), "");
    if (spec.symmetric()) {
      return LazyMaterial.parsed(parse(keyId, spec, encoded, at));
    }
    MaterialCache cache = materials;
    KeystoreCodec errors = codec;
    return LazyMaterial.deferred(() -> parse(cache, errors, keyId, spec, encoded, at));
  }

  private KeyMaterial parse(String keyId, KeySpec spec, String encoded, String at) {
    return parse(materials, codec, keyId, spec, encoded, at);
  }

  // Static, so a deferred parse holds the few values it needs and not the keystore document.
  private static KeyMaterial parse(
      MaterialCache materials,
      KeystoreCodec codec,
      String keyId,
      KeySpec spec,
      String encoded,
      String at) {
    try {
      return materials.get(keyId, spec, encoded);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw codec.unreadable(at + ": key_material is not a valid " + spec.name() + " key");
    }
  }

  private static String text(String value, String absent) {
    return value == null ? absent : value;
  }
}
