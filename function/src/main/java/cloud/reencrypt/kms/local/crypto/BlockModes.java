package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;

/** One cipher's GCM and CBC, lengths already checked by {@link BlockCipher}. */
interface BlockModes {
  /** GCM with a 16-byte tag; decryption returns nothing unless the tag verifies. */
  byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] aad)
      throws GeneralSecurityException;

  /** Unpadded CBC over whole blocks. */
  byte[] cbc(boolean encrypt, byte[] key, byte[] iv, byte[] input) throws GeneralSecurityException;
}
