package cloud.reencrypt.kms.local.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.spec.InvalidKeySpecException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/** An SM2 public key: a point on sm2p256v1. Immutable. */
public final class Sm2PublicKey {
  private final ECPublicKeyParameters parameters;

  Sm2PublicKey(ECPoint point) {
    this.parameters = new ECPublicKeyParameters(point, Sm2Curve.DOMAIN);
  }

  /**
   * Reads X.509 {@code SubjectPublicKeyInfo} DER as {@code openssl pkey -pubout -outform DER}
   * writes it ({@code id-ecPublicKey} with the sm2p256v1 named curve, an uncompressed or compressed
   * point).
   *
   * @throws GeneralSecurityException when the bytes are not an SM2 public key on the curve
   */
  public static Sm2PublicKey fromX509Der(byte[] der) throws GeneralSecurityException {
    try {
      SubjectPublicKeyInfo info =
          SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      if (!Sm2Curve.ALGORITHM.equals(info.getAlgorithm())) {
        throw new InvalidKeySpecException("not an SM2 public key");
      }
      ECPoint point = Sm2Curve.DOMAIN.getCurve().decodePoint(info.getPublicKeyData().getOctets());
      if (point.isInfinity()) {
        throw new InvalidKeySpecException("SM2 public key is the point at infinity");
      }
      return new Sm2PublicKey(point);
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeySpecException("malformed SM2 public key");
    }
  }

  /** X.509 {@code SubjectPublicKeyInfo} DER, uncompressed point: what OpenSSL reads with -pubin. */
  public byte[] toX509Der() {
    try {
      return new SubjectPublicKeyInfo(Sm2Curve.ALGORITHM, parameters.getQ().getEncoded(false))
          .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot DER-encode an SM2 public key", e);
    }
  }

  ECPublicKeyParameters parameters() {
    return parameters;
  }
}
