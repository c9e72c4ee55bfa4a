package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.Randomness;
import cloud.reencrypt.kms.local.crypto.RsaKeys;
import cloud.reencrypt.kms.local.crypto.Sm2;
import cloud.reencrypt.kms.local.crypto.Sm2PrivateKey;
import cloud.reencrypt.kms.local.crypto.Sm2PublicKey;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/**
 * A key's material, parsed once and kept: raw bytes for symmetric keys, the parsed private key (and
 * its public half) for RSA and SM2. The keystore stores the encoded form, see {@link #generate}.
 */
public sealed interface KeyMaterial {
  /** A symmetric key: {@code key} holds {@link BlockCipher#keyLength()} raw bytes. */
  record Symmetric(BlockCipher cipher, byte[] key) implements KeyMaterial {}

  /** An RSA key pair. */
  record Rsa(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) implements KeyMaterial {}

  /** An SM2 key pair. */
  record Sm2Pair(Sm2PrivateKey privateKey, Sm2PublicKey publicKey) implements KeyMaterial {}

  /**
   * Fresh material as the keystore stores it: the raw key for AES_256 (32 bytes) and SM4 (16
   * bytes), PKCS#8 DER private keys for RSA and SM2.
   */
  static byte[] generate(KeySpec spec) {
    if (spec.symmetric()) {
      return Randomness.bytes(spec.blockCipher().keyLength());
    }
    return spec.rsa() ? RsaKeys.generatePkcs8(spec.rsaBits()) : Sm2.generatePkcs8();
  }

  /**
   * Parses stored material for a spec.
   *
   * @throws GeneralSecurityException when the bytes are not a key of that spec (wrong length,
   *     malformed DER, wrong RSA modulus size); the message never holds the material
   */
  static KeyMaterial parse(KeySpec spec, byte[] encoded) throws GeneralSecurityException {
    if (spec.symmetric()) {
      if (encoded.length != spec.blockCipher().keyLength()) {
        throw new GeneralSecurityException(
            spec.name() + " material must be " + spec.blockCipher().keyLength() + " bytes");
      }
      return new Symmetric(spec.blockCipher(), encoded);
    }
    if (spec.rsa()) {
      RSAPrivateCrtKey key = RsaKeys.parsePkcs8(encoded);
      if (key.getModulus().bitLength() != spec.rsaBits()) {
        throw new GeneralSecurityException(
            spec.name() + " material must be a " + spec.rsaBits() + "-bit RSA key");
      }
      return new Rsa(key, RsaKeys.publicKey(key));
    }
    Sm2PrivateKey key = Sm2.parsePkcs8(encoded);
    return new Sm2Pair(key, key.publicKey());
  }
}
