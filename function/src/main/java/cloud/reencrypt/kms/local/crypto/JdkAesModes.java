package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES through the JDK's provider, which uses the CPU's AES and carry-less multiply instructions.
 */
final class JdkAesModes implements BlockModes {
  @Override
  public byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] aad)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(BlockCipher.GCM_TAG_LENGTH * 8, nonce));
    if (aad != null && aad.length > 0) {
      cipher.updateAAD(aad);
    }
    return cipher.doFinal(input);
  }

  @Override
  public byte[] cbc(boolean encrypt, byte[] key, byte[] iv, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
    cipher.init(
        encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new IvParameterSpec(iv));
    return cipher.doFinal(input);
  }
}
