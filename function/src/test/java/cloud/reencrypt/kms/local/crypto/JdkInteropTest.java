package cloud.reencrypt.kms.local.crypto;

import static cloud.reencrypt.kms.local.crypto.Failures.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RSA-OAEP ciphertexts made by a plain JDK client ({@code Cipher} with an explicit {@link
 * OAEPParameterSpec}, as an application using KMS's public key would) decrypt with ours, and ours
 * with the JDK.
 */
class JdkInteropTest {
  private static RSAPrivateCrtKey key;

  @BeforeAll
  static void generateKey() throws Exception {
    key = RsaKeys.parsePkcs8(RsaKeys.generatePkcs8(2048));
  }

  @Test
  void rsaOaepSha256_jdkCiphertextWithMgf1Sha256_decryptsWithOurs() throws Exception {
    byte[] message = Randomness.bytes(32);
    byte[] ciphertext = jdk(Cipher.ENCRYPT_MODE, "SHA-256", MGF1ParameterSpec.SHA256, message);
    assertArrayEquals(message, RsaOaep.decrypt(key, OaepHash.SHA_256, ciphertext));
  }

  @Test
  void rsaOaepSha1_jdkCiphertext_decryptsWithOurs() throws Exception {
    byte[] message = Randomness.bytes(32);
    byte[] ciphertext = jdk(Cipher.ENCRYPT_MODE, "SHA-1", MGF1ParameterSpec.SHA1, message);
    assertArrayEquals(message, RsaOaep.decrypt(key, OaepHash.SHA_1, ciphertext));
  }

  @Test
  void rsaOaepSha256_ourCiphertext_decryptsWithJdk() throws Exception {
    byte[] message = Randomness.bytes(32);
    byte[] ciphertext = RsaOaep.encrypt(RsaKeys.publicKey(key), OaepHash.SHA_256, message);
    assertArrayEquals(
        message, jdk(Cipher.DECRYPT_MODE, "SHA-256", MGF1ParameterSpec.SHA256, ciphertext));
  }

  /** The JDK's bare SHA-256 OAEP transformation defaults MGF1 to SHA-1: not KMS's scheme. */
  @Test
  void rsaOaepSha256_jdkDefaultMgf1Sha1_isRejected() throws Exception {
    byte[] message = Randomness.bytes(32);
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    cipher.init(Cipher.ENCRYPT_MODE, RsaKeys.publicKey(key));
    byte[] ciphertext = cipher.doFinal(message);
    assertRejected(() -> RsaOaep.decrypt(key, OaepHash.SHA_256, ciphertext), message);
  }

  private static byte[] jdk(int mode, String hash, MGF1ParameterSpec mgf1, byte[] input)
      throws Exception {
    String name = hash.equals("SHA-1") ? "SHA-1" : "SHA-256";
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWith" + name + "AndMGF1Padding");
    OAEPParameterSpec spec = new OAEPParameterSpec(hash, "MGF1", mgf1, PSource.PSpecified.DEFAULT);
    cipher.init(mode, mode == Cipher.ENCRYPT_MODE ? RsaKeys.publicKey(key) : key, spec);
    return cipher.doFinal(input);
  }
}
