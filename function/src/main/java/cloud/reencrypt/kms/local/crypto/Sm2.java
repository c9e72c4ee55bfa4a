package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.BadPaddingException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.generators.SM2KeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;

/**
 * SM2 public-key encryption (GM/T 0003.4, GB/T 32918.4) on sm2p256v1 with SM3, ciphertexts in the
 * GM/T 0009 DER form ({@link Sm2CipherDer}), which is what KMS returns and what OpenSSL's {@code
 * pkeyutl -encrypt} writes and {@code -decrypt} reads.
 */
public final class Sm2 {
  private Sm2() {}

  /** A fresh key as PKCS#8 DER (see {@link Sm2Pkcs8}); OpenSSL reads it. */
  public static byte[] generatePkcs8() {
    SM2KeyPairGenerator generator = new SM2KeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(Sm2Curve.DOMAIN, Randomness.source()));
    ECPrivateKeyParameters generated =
        (ECPrivateKeyParameters) generator.generateKeyPair().getPrivate();
    return Sm2Pkcs8.encode(new Sm2PrivateKey(generated.getD()));
  }

  /**
   * Reads PKCS#8 DER as OpenSSL 3 {@code genpkey -algorithm SM2} and {@link #generatePkcs8} write.
   *
   * @throws GeneralSecurityException when the bytes are not an SM2 private key
   */
  public static Sm2PrivateKey parsePkcs8(byte[] der) throws GeneralSecurityException {
    return Sm2Pkcs8.decode(der);
  }

  /**
   * Encrypts a non-empty plaintext.
   *
   * @throws IllegalArgumentException for an empty plaintext (SM2 defines none)
   */
  public static byte[] encrypt(Sm2PublicKey key, byte[] plaintext) {
    return encrypt(key, plaintext, Randomness.source());
  }

  /** Encrypts with the ephemeral scalar k drawn from {@code random}; tests fix it. */
  static byte[] encrypt(Sm2PublicKey key, byte[] plaintext, SecureRandom random) {
    if (plaintext.length == 0) {
      throw new IllegalArgumentException("SM2 cannot encrypt an empty plaintext");
    }
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(key.parameters(), random));
    try {
      return Sm2CipherDer.encode(engine.processBlock(plaintext, 0, plaintext.length));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption failed", e);
    }
  }

  /**
   * Decrypts a GM/T 0009 DER ciphertext.
   *
   * @throws GeneralSecurityException when the DER is malformed, C1 is not on the curve or the SM3
   *     hash C3 does not match
   */
  public static byte[] decrypt(Sm2PrivateKey key, byte[] derCiphertext)
      throws GeneralSecurityException {
    byte[] c1c3c2 = Sm2CipherDer.decode(derCiphertext);
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(false, key.parameters());
    try {
      return engine.processBlock(c1c3c2, 0, c1c3c2.length);
    } catch (InvalidCipherTextException e) {
      throw new BadPaddingException("SM2 ciphertext hash mismatch");
    } catch (RuntimeException e) {
      // Bouncy Castle rejects a C1 that is not a point on the curve with IllegalArgumentException.
      throw new BadPaddingException("SM2 ciphertext point is invalid");
    }
  }
}
