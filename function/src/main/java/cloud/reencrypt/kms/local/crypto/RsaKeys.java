package cloud.reencrypt.kms.local.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * RSA private keys as the keystore stores them: PKCS#8 DER ({@code PrivateKeyInfo} holding an
 * {@code RSAPrivateKey} with its CRT parameters), the form {@code openssl genpkey} writes as PEM.
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
   * Parses PKCS#8 DER; also accepts the PKCS#1 {@code RSAPrivateKey} that OpenSSL 3 writes for
   * {@code -outform DER}.
   *
   * @throws GeneralSecurityException when the bytes are not a two-prime RSA private key
   */
  public static RSAPrivateCrtKey parsePkcs8(byte[] der) throws GeneralSecurityException {
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (InvalidKeySpecException | RuntimeException notPkcs8) {
      key = fromPkcs1(der);
    }
    if (!(key instanceof RSAPrivateCrtKey)) {
      throw new InvalidKeySpecException("RSA private key lacks its CRT parameters");
    }
    return (RSAPrivateCrtKey) key;
  }

  private static PrivateKey fromPkcs1(byte[] der) throws GeneralSecurityException {
    try {
      RSAPrivateKey key = RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
      RSAPrivateCrtKeySpec spec =
          new RSAPrivateCrtKeySpec(
              key.getModulus(),
              key.getPublicExponent(),
              key.getPrivateExponent(),
              key.getPrime1(),
              key.getPrime2(),
              key.getExponent1(),
              key.getExponent2(),
              key.getCoefficient());
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeySpecException("malformed RSA private key");
    }
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
