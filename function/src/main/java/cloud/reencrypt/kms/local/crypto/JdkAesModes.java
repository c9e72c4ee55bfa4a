package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES through the JDK's provider, which uses the CPU's AES and carry-less multiply instructions.
 * GCM reuses this thread's cipher for the key ({@link AesGcmCiphers}); CBC, used only for
 * CBC-wrapped data keys, makes one per call.
 */
final class JdkAesModes implements BlockModes {
  @Override
  public byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] aad)
      throws GeneralSecurityException {
    Cipher cipher =
        initialised(
            encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
            key,
            new GCMParameterSpec(BlockCipher.GCM_TAG_LENGTH * 8, nonce));
    if (aad != null && aad.length > 0) {
      cipher.updateAAD(aad);
    }
    return cipher.doFinal(input);
  }

  /**
   * This thread's cipher for the key, initialised. The JDK refuses a cipher the key and nonce of
   * its own last encryption, to catch nonce reuse; the engine's nonces are random, so only a
   * caller's fixed nonce (a known-answer test) meets the refusal, and gets a fresh cipher as
   * before.
   */
  private static Cipher initialised(int mode, byte[] key, GCMParameterSpec parameters)
      throws GeneralSecurityException {
    AesGcmCiphers.Slot slot = AesGcmCiphers.forKey(key);
    try {
      slot.cipher().init(mode, slot.key(), parameters);
      return slot.cipher();
    } catch (InvalidAlgorithmParameterException e) {
      Cipher fresh = Cipher.getInstance("AES/GCM/NoPadding");
      fresh.init(mode, new SecretKeySpec(key, "AES"), parameters);
      return fresh;
    }
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
