package cloud.reencrypt.kms.local.crypto;

import static cloud.reencrypt.kms.local.crypto.Failures.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Sm2Test {
  private static Sm2PrivateKey key;
  private static Sm2PrivateKey otherKey;

  @BeforeAll
  static void generateKeys() throws Exception {
    key = Sm2.parsePkcs8(Sm2.generatePkcs8());
    otherKey = Sm2.parsePkcs8(Sm2.generatePkcs8());
  }

  @Test
  void roundTrip_variousLengths_returnsPlaintext() throws Exception {
    for (int length : new int[] {1, 31, 32, 33, 1000}) {
      byte[] plaintext = Randomness.bytes(length);
      byte[] der = Sm2.encrypt(key.publicKey(), plaintext);
      assertArrayEquals(plaintext, Sm2.decrypt(key, der));
    }
  }

  @Test
  void encrypt_samePlaintextTwice_givesDifferentCiphertexts() {
    byte[] plaintext = Randomness.bytes(32);
    assertFalse(
        Arrays.equals(
            Sm2.encrypt(key.publicKey(), plaintext), Sm2.encrypt(key.publicKey(), plaintext)));
  }

  @Test
  void encrypt_emptyPlaintext_throwsIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> Sm2.encrypt(key.publicKey(), new byte[0]));
  }

  @Test
  void decrypt_wrongKey_throws() {
    byte[] plaintext = Randomness.bytes(32);
    byte[] der = Sm2.encrypt(key.publicKey(), plaintext);
    assertRejected(() -> Sm2.decrypt(otherKey, der), plaintext);
  }

  /** Every byte of the DER, header, coordinates, hash or body: never plaintext, never a crash. */
  @Test
  void decrypt_anyFlippedByteOrTruncation_throwsGeneralSecurityException() {
    byte[] plaintext = Randomness.bytes(32);
    byte[] der = Sm2.encrypt(key.publicKey(), plaintext);
    for (int i = 0; i < der.length; i++) {
      byte[] tampered = der.clone();
      tampered[i] ^= 0x01;
      assertRejected(() -> Sm2.decrypt(key, tampered), plaintext);
      byte[] truncated = Arrays.copyOf(der, i);
      assertRejected(() -> Sm2.decrypt(key, truncated), plaintext);
    }
    byte[] extended = Arrays.copyOf(der, der.length + 1);
    assertRejected(() -> Sm2.decrypt(key, extended), plaintext);
  }

  @Test
  void decrypt_berLengthInsteadOfDer_throws() throws Exception {
    byte[] der = Sm2.encrypt(key.publicKey(), Randomness.bytes(16));
    byte[] ber = new byte[der.length + 1];
    ber[0] = 0x30;
    ber[1] = (byte) 0x81; // long-form length where DER requires the short form
    System.arraycopy(der, 1, ber, 2, der.length - 1);
    assertRejected(() -> Sm2.decrypt(key, ber));
  }

  @Test
  void decrypt_structurallyWrongFields_throw() throws Exception {
    Fields f = Fields.of(Sm2.encrypt(key.publicKey(), Randomness.bytes(16)));
    BigInteger p =
        new BigInteger("fffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff", 16);
    assertRejected(() -> Sm2.decrypt(key, f.with(f.x, f.y.add(BigInteger.ONE), f.hash, f.body)));
    assertRejected(() -> Sm2.decrypt(key, f.with(f.x.negate(), f.y, f.hash, f.body)));
    assertRejected(() -> Sm2.decrypt(key, f.with(f.x.add(p), f.y, f.hash, f.body)));
    assertRejected(
        () -> Sm2.decrypt(key, f.with(BigInteger.ZERO, BigInteger.ZERO, f.hash, f.body)));
    assertRejected(() -> Sm2.decrypt(key, f.with(f.x, f.y, Arrays.copyOf(f.hash, 31), f.body)));
    assertRejected(() -> Sm2.decrypt(key, f.with(f.x, f.y, f.hash, new byte[0])));
    byte[] swapped =
        new DERSequence(
                new ASN1Encodable[] {
                  new ASN1Integer(f.x),
                  new ASN1Integer(f.y),
                  new DEROctetString(f.body),
                  new ASN1Integer(BigInteger.ONE)
                })
            .getEncoded();
    assertRejected(() -> Sm2.decrypt(key, swapped));
    assertRejected(() -> Sm2.decrypt(key, new DERSequence().getEncoded()));
    assertRejected(() -> Sm2.decrypt(key, new byte[0]));
  }

  @Test
  void publicKey_x509RoundTrip_isStable() throws Exception {
    byte[] der = key.publicKey().toX509Der();
    assertArrayEquals(der, Sm2PublicKey.fromX509Der(der).toX509Der());
    byte[] plaintext = Randomness.bytes(20);
    assertArrayEquals(
        plaintext, Sm2.decrypt(key, Sm2.encrypt(Sm2PublicKey.fromX509Der(der), plaintext)));
  }

  @Test
  void publicKeyFromX509_garbageOrOtherCurveOrRsa_throws() throws Exception {
    KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
    p256.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] p256Der = p256.generateKeyPair().getPublic().getEncoded();
    byte[] rsaDer = RsaKeys.publicKey(RsaKeys.parsePkcs8(RsaKeys.generatePkcs8(2048))).getEncoded();
    byte[] offCurve = key.publicKey().toX509Der();
    offCurve[offCurve.length - 1] ^= 0x01;
    for (byte[] der : new byte[][] {new byte[0], Randomness.bytes(91), p256Der, rsaDer, offCurve}) {
      assertRejected(() -> Sm2PublicKey.fromX509Der(der));
    }
  }

  @Test
  void parsePkcs8_otherCurveRsaOrGarbage_throws() throws Exception {
    KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
    p256.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] p256Der = p256.generateKeyPair().getPrivate().getEncoded();
    byte[] ours = Sm2.generatePkcs8();
    byte[] truncated = Arrays.copyOf(ours, ours.length - 1);
    for (byte[] der :
        new byte[][] {new byte[0], Randomness.bytes(138), p256Der, truncated, rsaPkcs8()}) {
      assertRejected(() -> Sm2.parsePkcs8(der));
    }
  }

  @Test
  void parsePkcs8_scalarOutsideOneToNMinusTwo_throws() throws Exception {
    BigInteger n =
        new BigInteger("fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123", 16);
    for (BigInteger d : new BigInteger[] {BigInteger.ZERO, n.subtract(BigInteger.ONE), n}) {
      byte[] der = Sm2Pkcs8.encode(new Sm2PrivateKey(BigInteger.ONE));
      byte[] patched = withScalar(der, d);
      assertRejected(() -> Sm2.parsePkcs8(patched));
    }
    BigInteger max = n.subtract(BigInteger.TWO);
    byte[] maxDer = withScalar(Sm2Pkcs8.encode(new Sm2PrivateKey(BigInteger.ONE)), max);
    assertArrayEquals(
        new Sm2PrivateKey(max).publicKey().toX509Der(),
        Sm2.parsePkcs8(maxDer).publicKey().toX509Der());
  }

  /** Replaces the 32-byte scalar inside our PKCS#8 encoding (it follows 04 20 in ECPrivateKey). */
  private static byte[] withScalar(byte[] der, BigInteger d) {
    byte[] out = der.clone();
    for (int i = 0; i + 34 <= out.length; i++) {
      if (out[i] == 0x04 && out[i + 1] == 0x20) {
        byte[] scalar = new byte[32];
        byte[] value = d.toByteArray();
        int length = Math.min(32, value.length);
        System.arraycopy(value, value.length - length, scalar, 32 - length, length);
        System.arraycopy(scalar, 0, out, i + 2, 32);
        return out;
      }
    }
    throw new IllegalStateException("no scalar found");
  }

  private static byte[] rsaPkcs8() {
    return RsaKeys.generatePkcs8(2048);
  }

  /** The four fields of an SM2Cipher, to rebuild variants. */
  private record Fields(BigInteger x, BigInteger y, byte[] hash, byte[] body) {
    static Fields of(byte[] der) {
      ASN1Sequence s = ASN1Sequence.getInstance(der);
      return new Fields(
          ASN1Integer.getInstance(s.getObjectAt(0)).getValue(),
          ASN1Integer.getInstance(s.getObjectAt(1)).getValue(),
          DEROctetString.getInstance(s.getObjectAt(2)).getOctets(),
          DEROctetString.getInstance(s.getObjectAt(3)).getOctets());
    }

    byte[] with(BigInteger x, BigInteger y, byte[] hash, byte[] body) throws Exception {
      return new DERSequence(
              new ASN1Encodable[] {
                new ASN1Integer(x),
                new ASN1Integer(y),
                new DEROctetString(hash),
                new DEROctetString(body)
              })
          .getEncoded();
    }
  }
}
