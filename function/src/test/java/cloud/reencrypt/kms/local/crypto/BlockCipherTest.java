package cloud.reencrypt.kms.local.crypto;

import static cloud.reencrypt.kms.local.crypto.Failures.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BlockCipherTest {
  private static final byte[] AAD = "key-id=1234".getBytes();

  @Test
  void keyLength_kmsKeySpecs_are32And16() {
    assertEquals(32, BlockCipher.AES.keyLength());
    assertEquals(16, BlockCipher.SM4.keyLength());
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcm_roundTripWithAndWithoutAad_returnsPlaintext(BlockCipher cipher) throws Exception {
    Sealed s = Sealed.of(cipher, AAD);
    assertEquals(s.plaintext.length + 16, s.sealed.length);
    assertArrayEquals(s.plaintext, cipher.gcmDecrypt(s.key, s.nonce, s.sealed, AAD));
    byte[] noAad = cipher.gcmEncrypt(s.key, s.nonce, s.plaintext, null);
    assertArrayEquals(s.plaintext, cipher.gcmDecrypt(s.key, s.nonce, noAad, new byte[0]));
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcm_emptyPlaintext_isTagOnlyAndRoundTrips(BlockCipher cipher) throws Exception {
    byte[] key = Randomness.bytes(cipher.keyLength());
    byte[] nonce = Randomness.bytes(12);
    byte[] sealed = cipher.gcmEncrypt(key, nonce, new byte[0], AAD);
    assertEquals(16, sealed.length);
    assertEquals(0, cipher.gcmDecrypt(key, nonce, sealed, AAD).length);
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcmDecrypt_wrongKey_throwsBadTag(BlockCipher cipher) {
    Sealed s = Sealed.of(cipher, AAD);
    byte[] other = Randomness.bytes(cipher.keyLength());
    assertInstanceOf(
        AEADBadTagException.class,
        assertRejected(() -> cipher.gcmDecrypt(other, s.nonce, s.sealed, AAD), s.plaintext));
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcmDecrypt_anyFlippedBitInCiphertextTagOrNonce_throws(BlockCipher cipher) {
    Sealed s = Sealed.of(cipher, AAD);
    for (int bit = 0; bit < s.sealed.length * 8; bit++) {
      byte[] tampered = flip(s.sealed, bit);
      assertRejected(() -> cipher.gcmDecrypt(s.key, s.nonce, tampered, AAD), s.plaintext);
    }
    for (int bit = 0; bit < s.nonce.length * 8; bit++) {
      byte[] nonce = flip(s.nonce, bit);
      assertRejected(() -> cipher.gcmDecrypt(s.key, nonce, s.sealed, AAD), s.plaintext);
    }
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcmDecrypt_truncatedOrExtended_throws(BlockCipher cipher) {
    Sealed s = Sealed.of(cipher, AAD);
    for (int length = 0; length < s.sealed.length; length++) {
      byte[] truncated = Arrays.copyOf(s.sealed, length);
      assertRejected(() -> cipher.gcmDecrypt(s.key, s.nonce, truncated, AAD), s.plaintext);
    }
    byte[] extended = Arrays.copyOf(s.sealed, s.sealed.length + 1);
    assertRejected(() -> cipher.gcmDecrypt(s.key, s.nonce, extended, AAD), s.plaintext);
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcmDecrypt_wrongOrMissingAad_throws(BlockCipher cipher) {
    Sealed s = Sealed.of(cipher, AAD);
    byte[] other = "key-id=1235".getBytes();
    assertRejected(() -> cipher.gcmDecrypt(s.key, s.nonce, s.sealed, other), s.plaintext);
    assertRejected(() -> cipher.gcmDecrypt(s.key, s.nonce, s.sealed, null), s.plaintext);
    byte[] noAad = cipher.gcmEncrypt(s.key, s.nonce, s.plaintext, null);
    assertRejected(() -> cipher.gcmDecrypt(s.key, s.nonce, noAad, AAD), s.plaintext);
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcmDecrypt_wrongNonceOrKeyLength_throwsGeneralSecurityException(BlockCipher cipher) {
    Sealed s = Sealed.of(cipher, AAD);
    byte[] shortNonce = Arrays.copyOf(s.nonce, 11);
    byte[] badKey = Arrays.copyOf(s.key, 15);
    assertRejected(() -> cipher.gcmDecrypt(s.key, shortNonce, s.sealed, AAD));
    assertRejected(() -> cipher.gcmDecrypt(badKey, s.nonce, s.sealed, AAD));
    assertRejected(() -> cipher.gcmDecrypt(null, s.nonce, s.sealed, AAD));
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void gcmEncrypt_wrongNonceOrKeyLength_throwsIllegalArgument(BlockCipher cipher) {
    byte[] key = Randomness.bytes(cipher.keyLength());
    byte[] plaintext = Randomness.bytes(32);
    assertThrows(
        IllegalArgumentException.class,
        () -> cipher.gcmEncrypt(key, new byte[16], plaintext, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> cipher.gcmEncrypt(new byte[20], new byte[12], plaintext, null));
  }

  @Test
  void sm4_aesSizedKey_isRejected() {
    byte[] key32 = Randomness.bytes(32);
    assertThrows(
        IllegalArgumentException.class,
        () -> BlockCipher.SM4.gcmEncrypt(key32, new byte[12], new byte[1], null));
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void cbc_roundTrip_returnsPlaintext(BlockCipher cipher) throws Exception {
    byte[] key = Randomness.bytes(cipher.keyLength());
    byte[] iv = Randomness.bytes(16);
    byte[] plaintext = Randomness.bytes(64);
    byte[] ciphertext = cipher.cbcEncrypt(key, iv, plaintext);
    assertEquals(64, ciphertext.length);
    assertFalse(Arrays.equals(plaintext, ciphertext));
    assertArrayEquals(plaintext, cipher.cbcDecrypt(key, iv, ciphertext));
  }

  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void cbc_partialBlockOrBadIv_isRejected(BlockCipher cipher) {
    byte[] key = Randomness.bytes(cipher.keyLength());
    byte[] iv = Randomness.bytes(16);
    assertRejected(() -> cipher.cbcDecrypt(key, iv, new byte[47]));
    assertRejected(() -> cipher.cbcDecrypt(key, new byte[12], new byte[48]));
    assertThrows(IllegalArgumentException.class, () -> cipher.cbcEncrypt(key, iv, new byte[33]));
    assertThrows(
        IllegalArgumentException.class, () -> cipher.cbcEncrypt(key, new byte[8], new byte[32]));
  }

  /** CBC authenticates nothing: the engine's digest over the data key is what catches this. */
  @ParameterizedTest
  @EnumSource(BlockCipher.class)
  void cbcDecrypt_wrongKey_yieldsOtherBytes(BlockCipher cipher) throws Exception {
    byte[] iv = Randomness.bytes(16);
    byte[] plaintext = Randomness.bytes(48);
    byte[] ciphertext = cipher.cbcEncrypt(Randomness.bytes(cipher.keyLength()), iv, plaintext);
    byte[] other = Randomness.bytes(cipher.keyLength());
    assertFalse(Arrays.equals(plaintext, cipher.cbcDecrypt(other, iv, ciphertext)));
  }

  private static byte[] flip(byte[] input, int bit) {
    byte[] out = input.clone();
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }

  /** A fresh key, nonce and 32-byte plaintext, sealed. */
  private record Sealed(byte[] key, byte[] nonce, byte[] plaintext, byte[] sealed) {
    static Sealed of(BlockCipher cipher, byte[] aad) {
      byte[] key = Randomness.bytes(cipher.keyLength());
      byte[] nonce = Randomness.bytes(12);
      byte[] plaintext = Randomness.bytes(32);
      return new Sealed(key, nonce, plaintext, cipher.gcmEncrypt(key, nonce, plaintext, aad));
    }
  }
}
