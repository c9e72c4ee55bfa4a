package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * RSA private keys as the keystore stores them: PKCS#8 DER ({@code PrivateKeyInfo} holding an
 * {@code RSAPrivateKey} with its CRT parameters), the form {@code openssl genpkey} writes.
 */
public final class RsaKeys {
  private RsaKeys() {}

  /** Generates a key of {@code bits} (2048, 3072, 4096) with public exponent 65537. */
  public static byte[] generatePkcs8(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(
          new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), Randomness.source());
      return generator.generateKeyPair().getPrivate().getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot generate an RSA key of " + bits + " bits", e);
    }
  }

  /**
   * Parses PKCS#8 DER.
   *
   * @throws GeneralSecurityException when the bytes are not an RSA private key with CRT parameters
   */
  public static RSAPrivateCrtKey parsePkcs8(byte[] der) throws GeneralSecurityException {
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (RuntimeException e) {
      throw new InvalidKeySpecException("malformed RSA private key");
    }
    if (!(key instanceof RSAPrivateCrtKey)) {
      throw new InvalidKeySpecException("RSA private key lacks its CRT parameters");
    }
    return (RSAPrivateCrtKey) key;
  }

  /** The public half of a private key. */
  public static RSAPublicKey publicKey(RSAPrivateCrtKey key) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot build an RSA public key", e);
    }
  }
}
