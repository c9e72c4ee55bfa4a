package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;

/**
 * RSAES-OAEP (RFC 8017 §7.1) through the JDK's provider: the raw ciphertext of k bytes, which is
 * what KMS returns for asymmetric keys and what OpenSSL's {@code pkeyutl} reads and writes.
 */
public final class RsaOaep {
  private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

  private RsaOaep() {}

  /**
   * Encrypts with an empty label.
   *
   * @throws GeneralSecurityException when the plaintext exceeds {@link #maxPlaintextLength}
   */
  public static byte[] encrypt(RSAPublicKey key, OaepHash hash, byte[] plaintext)
      throws GeneralSecurityException {
    return run(Cipher.ENCRYPT_MODE, key, hash.spec(), plaintext);
  }

  /**
   * Decrypts a ciphertext of exactly k bytes (RFC 8017 §7.1.2 step 1).
   *
   * @throws GeneralSecurityException for any failure, padding or length
   */
  public static byte[] decrypt(RSAPrivateKey key, OaepHash hash, byte[] ciphertext)
      throws GeneralSecurityException {
    return decrypt(key, hash.spec(), ciphertext);
  }

  /** Decrypts with explicit OAEP parameters (known-answer vectors with a label use this). */
  static byte[] decrypt(RSAPrivateKey key, OAEPParameterSpec spec, byte[] ciphertext)
      throws GeneralSecurityException {
    if (ciphertext.length != modulusLength(key)) {
      throw new IllegalBlockSizeException("RSA ciphertext length differs from the modulus length");
    }
    return run(Cipher.DECRYPT_MODE, key, spec, ciphertext);
  }

  /** The largest plaintext for a modulus: k - 2*hLen - 2 bytes (KMS refuses longer). */
  public static int maxPlaintextLength(int modulusBits, OaepHash hash) {
    return (modulusBits + 7) / 8 - 2 * hash.length() - 2;
  }

  private static byte[] run(int mode, Key key, OAEPParameterSpec spec, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    // Our generator, not the JDK's hidden default: the OAEP seed then follows Randomness.reseed.
    cipher.init(mode, key, spec, Randomness.source());
    return cipher.doFinal(input);
  }

  private static int modulusLength(RSAKey key) {
    return (key.getModulus().bitLength() + 7) / 8;
  }
}
