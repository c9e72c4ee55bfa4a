package cloud.reencrypt.kms.local.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

/**
 * Converts between Bouncy Castle's raw SM2 output {@code C1 || C3 || C2} (C1 = 04 || x || y, C3 the
 * 32-byte SM3 hash, C2 the masked plaintext) and the GM/T 0009 DER form KMS and OpenSSL use:
 *
 * <pre>
 * SM2Cipher ::= SEQUENCE {
 *   XCoordinate INTEGER,          -- x of C1
 *   YCoordinate INTEGER,          -- y of C1
 *   HASH        OCTET STRING,     -- C3, 32 bytes
 *   CipherText  OCTET STRING }    -- C2, as long as the plaintext
 * </pre>
 *
 * Decoding accepts DER only (no BER lengths, no trailing bytes) and rejects empty C2.
 */
final class Sm2CipherDer {
  private static final int POINT_LENGTH = 1 + 2 * Sm2Curve.FIELD_LENGTH;
  private static final int HASH_LENGTH = 32;
  private static final byte UNCOMPRESSED = 0x04;

  private Sm2CipherDer() {}

  static byte[] encode(byte[] c1c3c2) {
    int coordinate = Sm2Curve.FIELD_LENGTH;
    ASN1EncodableVector fields = new ASN1EncodableVector(4);
    fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1, 1 + coordinate))));
    fields.add(
        new ASN1Integer(
            new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1 + coordinate, POINT_LENGTH))));
    fields.add(
        new DEROctetString(Arrays.copyOfRange(c1c3c2, POINT_LENGTH, POINT_LENGTH + HASH_LENGTH)));
    fields.add(
        new DEROctetString(Arrays.copyOfRange(c1c3c2, POINT_LENGTH + HASH_LENGTH, c1c3c2.length)));
    try {
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot DER-encode an SM2 ciphertext", e);
    }
  }

  /** Returns C1 || C3 || C2; the point itself is checked by the decryptor. */
  static byte[] decode(byte[] der) throws GeneralSecurityException {
    ASN1Encodable[] fields = fields(der);
    if (!(fields[0] instanceof ASN1Integer x)
        || !(fields[1] instanceof ASN1Integer y)
        || !(fields[2] instanceof ASN1OctetString hash)
        || !(fields[3] instanceof ASN1OctetString masked)) {
      throw malformed();
    }
    byte[] c3 = hash.getOctets();
    byte[] c2 = masked.getOctets();
    if (c3.length != HASH_LENGTH || c2.length == 0) {
      throw malformed();
    }
    byte[] out = new byte[POINT_LENGTH + HASH_LENGTH + c2.length];
    out[0] = UNCOMPRESSED;
    putCoordinate(x.getValue(), out, 1);
    putCoordinate(y.getValue(), out, 1 + Sm2Curve.FIELD_LENGTH);
    System.arraycopy(c3, 0, out, POINT_LENGTH, HASH_LENGTH);
    System.arraycopy(c2, 0, out, POINT_LENGTH + HASH_LENGTH, c2.length);
    return out;
  }

  private static ASN1Encodable[] fields(byte[] der) throws GeneralSecurityException {
    try {
      ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
      if (!(parsed instanceof ASN1Sequence sequence)
          || sequence.size() != 4
          || !Arrays.equals(der, parsed.getEncoded(ASN1Encoding.DER))) {
        throw malformed();
      }
      return sequence.toArray();
    } catch (IOException | RuntimeException e) {
      throw malformed();
    }
  }

  private static void putCoordinate(BigInteger value, byte[] out, int offset)
      throws GeneralSecurityException {
    if (value.signum() < 0 || value.bitLength() > 8 * Sm2Curve.FIELD_LENGTH) {
      throw malformed();
    }
    BigIntegers.asUnsignedByteArray(value, out, offset, Sm2Curve.FIELD_LENGTH);
  }

  private static GeneralSecurityException malformed() {
    return new BadPaddingException("malformed SM2 ciphertext");
  }
}
