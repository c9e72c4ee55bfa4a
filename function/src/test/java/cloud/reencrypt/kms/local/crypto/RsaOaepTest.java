package cloud.reencrypt.kms.local.crypto;

import static cloud.reencrypt.kms.local.crypto.Failures.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RsaOaepTest {
  private static RSAPrivateCrtKey key;
  private static RSAPublicKey publicKey;
  private static RSAPrivateCrtKey otherKey;

  @BeforeAll
  static void generateKeys() throws Exception {
    key = RsaKeys.parsePkcs8(RsaKeys.generatePkcs8(2048));
    publicKey = RsaKeys.publicKey(key);
    otherKey = RsaKeys.parsePkcs8(RsaKeys.generatePkcs8(2048));
  }

  @Test
  void maxPlaintextLength_kmsKeySizes_isKMinus2hLenMinus2() {
    assertEquals(214, RsaOaep.maxPlaintextLength(2048, OaepHash.SHA_1));
    assertEquals(190, RsaOaep.maxPlaintextLength(2048, OaepHash.SHA_256));
    assertEquals(318, RsaOaep.maxPlaintextLength(3072, OaepHash.SHA_256));
    assertEquals(446, RsaOaep.maxPlaintextLength(4096, OaepHash.SHA_256));
    assertEquals(470, RsaOaep.maxPlaintextLength(4096, OaepHash.SHA_1));
  }

  @ParameterizedTest
  @EnumSource(OaepHash.class)
  void roundTrip_emptyAndMaximalPlaintext_returnsPlaintext(OaepHash hash) throws Exception {
    for (int length : new int[] {0, 32, RsaOaep.maxPlaintextLength(2048, hash)}) {
      byte[] plaintext = Randomness.bytes(length);
      byte[] ciphertext = RsaOaep.encrypt(publicKey, hash, plaintext);
      assertEquals(256, ciphertext.length);
      assertArrayEquals(plaintext, RsaOaep.decrypt(key, hash, ciphertext));
    }
  }

  @ParameterizedTest
  @EnumSource(OaepHash.class)
  void encrypt_oneByteOverMaximum_throwsGeneralSecurityException(OaepHash hash) {
    byte[] plaintext = Randomness.bytes(RsaOaep.maxPlaintextLength(2048, hash) + 1);
    assertRejected(() -> RsaOaep.encrypt(publicKey, hash, plaintext));
  }

  @ParameterizedTest
  @EnumSource(OaepHash.class)
  void decrypt_wrongKeyOrWrongHash_throws(OaepHash hash) throws Exception {
    byte[] plaintext = Randomness.bytes(32);
    byte[] ciphertext = RsaOaep.encrypt(publicKey, hash, plaintext);
    OaepHash other = hash == OaepHash.SHA_1 ? OaepHash.SHA_256 : OaepHash.SHA_1;
    assertRejected(() -> RsaOaep.decrypt(otherKey, hash, ciphertext), plaintext);
    assertRejected(() -> RsaOaep.decrypt(key, other, ciphertext), plaintext);
  }

  @ParameterizedTest
  @EnumSource(OaepHash.class)
  void decrypt_flippedBitsTruncatedOrExtended_throws(OaepHash hash) throws Exception {
    byte[] plaintext = Randomness.bytes(32);
    byte[] ciphertext = RsaOaep.encrypt(publicKey, hash, plaintext);
    for (int index : new int[] {0, 1, 100, 254, 255}) {
      byte[] tampered = ciphertext.clone();
      tampered[index] ^= 0x01;
      assertRejected(() -> RsaOaep.decrypt(key, hash, tampered), plaintext);
    }
    byte[] truncated = Arrays.copyOf(ciphertext, 255);
    byte[] extended = Arrays.copyOf(ciphertext, 257);
    assertRejected(() -> RsaOaep.decrypt(key, hash, truncated), plaintext);
    assertRejected(() -> RsaOaep.decrypt(key, hash, extended), plaintext);
    assertRejected(() -> RsaOaep.decrypt(key, hash, new byte[0]));
  }

  @Test
  void decrypt_zeroOrModulusOrLargerValue_throws() {
    byte[] modulus = unsigned(key.getModulus());
    byte[] beyond = unsigned(key.getModulus().add(BigInteger.ONE));
    byte[] allOnes = new byte[256];
    Arrays.fill(allOnes, (byte) 0xff);
    for (byte[] ciphertext : new byte[][] {new byte[256], modulus, beyond, allOnes}) {
      assertRejected(() -> RsaOaep.decrypt(key, OaepHash.SHA_256, ciphertext));
    }
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] signed = value.toByteArray();
    return signed[0] == 0 ? Arrays.copyOfRange(signed, 1, signed.length) : signed;
  }
}
