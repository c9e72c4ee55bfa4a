package cloud.reencrypt.bench;

import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.OaepHash;
import cloud.reencrypt.kms.local.crypto.Randomness;
import cloud.reencrypt.kms.local.crypto.RsaKeys;
import cloud.reencrypt.kms.local.crypto.RsaOaep;
import cloud.reencrypt.kms.local.crypto.Sm2;
import cloud.reencrypt.kms.local.crypto.Sm2PrivateKey;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bare primitive pairs the engine's re-encryptions stand beside: decrypt a 32-byte payload,
 * encrypt it again with a fresh random nonce, no framing, no keystore, no encoding. The AES-GCM
 * pair is the fastest one a tuned program would run ({@link #aesGcmReused}); the others go through
 * {@code kms.local.crypto} (Bouncy Castle engines made per call, the JDK's AES-GCM cipher kept per
 * thread and key). Keys and input ciphertexts are made here, outside the timing.
 */
final class BarePairs {
  private static final byte[] NO_AAD = null;

  private BarePairs() {}

  /**
   * AES-GCM decrypt, then AES-GCM encrypt under another key, straight on the JDK: one {@code
   * Cipher} per key made once and re-initialised per operation (the JDK then skips the key
   * schedule), the encryption with a fresh random nonce. The baseline of the symmetric cases.
   */
  static Workload aesGcmReused(int payload) throws GeneralSecurityException {
    SecretKeySpec sourceKey = new SecretKeySpec(Randomness.bytes(32), "AES");
    SecretKeySpec destinationKey = new SecretKeySpec(Randomness.bytes(32), "AES");
    byte[] nonce = Randomness.bytes(BlockCipher.GCM_NONCE_LENGTH);
    Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
    Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
    decrypt.init(Cipher.ENCRYPT_MODE, sourceKey, gcm(nonce));
    byte[] sealed = decrypt.doFinal(Randomness.bytes(payload));
    return () -> {
      decrypt.init(Cipher.DECRYPT_MODE, sourceKey, gcm(nonce));
      byte[] plaintext = decrypt.doFinal(sealed);
      encrypt.init(Cipher.ENCRYPT_MODE, destinationKey, gcm(fresh()));
      return encrypt.doFinal(plaintext);
    };
  }

  private static GCMParameterSpec gcm(byte[] nonce) {
    return new GCMParameterSpec(BlockCipher.GCM_TAG_LENGTH * 8, nonce);
  }

  /** GCM decrypt under {@code source}, GCM encrypt under {@code destination}. */
  static Workload gcmToGcm(BlockCipher source, BlockCipher destination, int payload) {
    byte[] sourceKey = Randomness.bytes(source.keyLength());
    byte[] destinationKey = Randomness.bytes(destination.keyLength());
    byte[] nonce = Randomness.bytes(BlockCipher.GCM_NONCE_LENGTH);
    byte[] sealed = source.gcmEncrypt(sourceKey, nonce, Randomness.bytes(payload), NO_AAD);
    return () -> {
      byte[] plaintext = source.gcmDecrypt(sourceKey, nonce, sealed, NO_AAD);
      return destination.gcmEncrypt(destinationKey, fresh(), plaintext, NO_AAD);
    };
  }

  /** RSA-OAEP decrypt (2048-bit key), GCM encrypt under {@code destination}. */
  static Workload rsaToGcm(OaepHash hash, BlockCipher destination, int payload) throws Exception {
    RSAPrivateCrtKey key = RsaKeys.parsePkcs8(RsaKeys.generatePkcs8(2048));
    byte[] sealed = RsaOaep.encrypt(RsaKeys.publicKey(key), hash, Randomness.bytes(payload));
    byte[] destinationKey = Randomness.bytes(destination.keyLength());
    return () -> {
      byte[] plaintext = RsaOaep.decrypt(key, hash, sealed);
      return destination.gcmEncrypt(destinationKey, fresh(), plaintext, NO_AAD);
    };
  }

  /** SM2 decrypt, GCM encrypt under {@code destination}. */
  static Workload sm2ToGcm(BlockCipher destination, int payload) throws Exception {
    Sm2PrivateKey key = Sm2.parsePkcs8(Sm2.generatePkcs8());
    byte[] sealed = Sm2.encrypt(key.publicKey(), Randomness.bytes(payload));
    byte[] destinationKey = Randomness.bytes(destination.keyLength());
    return () -> {
      byte[] plaintext = Sm2.decrypt(key, sealed);
      return destination.gcmEncrypt(destinationKey, fresh(), plaintext, NO_AAD);
    };
  }

  private static byte[] fresh() {
    return Randomness.bytes(BlockCipher.GCM_NONCE_LENGTH);
  }
}
