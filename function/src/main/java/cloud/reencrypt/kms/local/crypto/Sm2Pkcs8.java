package cloud.reencrypt.kms.local.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.InvalidKeySpecException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;

/**
 * SM2 private keys in PKCS#8 DER, the layout OpenSSL 3 {@code genpkey -algorithm SM2} writes: a
 * {@code PrivateKeyInfo} with algorithm {@code id-ecPublicKey} and parameters the sm2p256v1 OID,
 * holding an RFC 5915 {@code ECPrivateKey} (version 1, d, optional curve, optional public key).
 * Reading also accepts that bare SEC1 {@code ECPrivateKey} with the curve named inside, which is
 * what OpenSSL 3 writes for {@code -outform DER}.
 */
final class Sm2Pkcs8 {
  private static final BigInteger MAX_D = Sm2Curve.DOMAIN.getN().subtract(BigInteger.TWO);

  private Sm2Pkcs8() {}

  static byte[] encode(Sm2PrivateKey key) {
    BigInteger d = key.parameters().getD();
    DERBitString point = new DERBitString(key.publicKey().parameters().getQ().getEncoded(false));
    ECPrivateKey ecKey = new ECPrivateKey(Sm2Curve.DOMAIN.getN().bitLength(), d, point, null);
    try {
      return new PrivateKeyInfo(Sm2Curve.ALGORITHM, ecKey).getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot DER-encode an SM2 private key", e);
    }
  }

  /** Reads PKCS#8, or the SEC1 {@code ECPrivateKey} naming sm2p256v1 that OpenSSL writes as DER. */
  static Sm2PrivateKey decode(byte[] der) throws GeneralSecurityException {
    try {
      ASN1Sequence outer = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      ECPrivateKey ecKey;
      if (outer.size() >= 3 && outer.getObjectAt(1) instanceof ASN1Sequence) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(outer);
        if (!Sm2Curve.ALGORITHM.equals(info.getPrivateKeyAlgorithm())) {
          throw new InvalidKeySpecException("not an SM2 private key");
        }
        ecKey = ECPrivateKey.getInstance(info.parsePrivateKey());
        checkCurve(ecKey.getParametersObject(), true);
      } else {
        ecKey = ECPrivateKey.getInstance(outer);
        checkCurve(ecKey.getParametersObject(), false);
      }
      BigInteger d = ecKey.getKey();
      if (d.signum() <= 0 || d.compareTo(MAX_D) > 0) {
        throw new InvalidKeySpecException("SM2 private key out of range");
      }
      return new Sm2PrivateKey(d);
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeySpecException("malformed SM2 private key");
    }
  }

  private static void checkCurve(ASN1Encodable curve, boolean mayBeAbsent)
      throws InvalidKeySpecException {
    if (curve == null ? !mayBeAbsent : !Sm2Curve.OID.equals(curve)) {
      throw new InvalidKeySpecException("not an SM2 private key");
    }
  }
}
