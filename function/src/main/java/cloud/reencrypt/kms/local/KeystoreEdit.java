package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.local.KeystoreDocument.KeyEntry;
import java.util.function.UnaryOperator;

/**
 * A change to the keystore in progress, inside {@link LocalKeystore#update}: the freshly read
 * document, replaced step by step. Only the engine changes keys; other callers of {@code update}
 * (creating a missing keystore) change nothing.
 */
public final class KeystoreEdit {
  private KeystoreDocument document;

  KeystoreEdit(KeystoreDocument document) {
    this.document = document;
  }

  KeystoreDocument document() {
    return document;
  }

  /** Adds a key's entry after the others. */
  void addKey(KeyEntry entry) {
    document = document.withKey(entry);
  }

  /** Replaces the entry of a key; KMS.0207 when there is none. */
  void changeKey(String keyId, UnaryOperator<KeyEntry> change) {
    document = document.withKey(keyId, change);
  }
}
