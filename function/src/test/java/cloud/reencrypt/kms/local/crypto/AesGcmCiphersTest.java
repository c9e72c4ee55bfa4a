package cloud.reencrypt.kms.local.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AES-GCM through the kept per-thread ciphers gives what a fresh JDK cipher gives. */
class AesGcmCiphersTest {
  private static final byte[] NONCE = new byte[12];
  private static final byte[] PLAINTEXT = "thirty-two bytes of plaintext...".getBytes();

  @Test
  void gcm_moreKeysThanKeptCiphers_eachSealsAsAFreshCipher() throws Exception {
    byte[][] keys = new byte[9][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Randomness.bytes(32);
    }
    for (int round = 0; round < 3; round++) {
      for (byte[] key : keys) {
        byte[] nonce = Randomness.bytes(12);
        byte[] sealed = BlockCipher.AES.gcmEncrypt(key, nonce, PLAINTEXT, null);
        assertArrayEquals(fresh(key, nonce), sealed);
        assertArrayEquals(PLAINTEXT, BlockCipher.AES.gcmDecrypt(key, nonce, sealed, null));
      }
    }
  }

  @Test
  void gcmEncrypt_sameKeyAndNonceTwice_sealsBothTimes() throws Exception {
    byte[] key = Randomness.bytes(32);

    byte[] first = BlockCipher.AES.gcmEncrypt(key, NONCE, PLAINTEXT, null);
    byte[] second = BlockCipher.AES.gcmEncrypt(key, NONCE, PLAINTEXT, null);

    assertArrayEquals(first, second);
  }

  @Test
  void gcmEncrypt_callerWipesItsKeyArray_laterKeyOfThoseBytesIsNotTheOldKey() throws Exception {
    byte[] key = Randomness.bytes(32);
    BlockCipher.AES.gcmEncrypt(key, Randomness.bytes(12), PLAINTEXT, null);
    Arrays.fill(key, (byte) 0);

    byte[] sealed = BlockCipher.AES.gcmEncrypt(new byte[32], NONCE, PLAINTEXT, null);

    assertArrayEquals(fresh(new byte[32], NONCE), sealed);
  }

  private static byte[] fresh(byte[] key, byte[] nonce) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    return cipher.doFinal(PLAINTEXT);
  }
}
