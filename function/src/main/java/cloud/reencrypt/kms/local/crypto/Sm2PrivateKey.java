package cloud.reencrypt.kms.local.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** An SM2 private key: a scalar d in [1, n-2] on sm2p256v1. Immutable. */
public final class Sm2PrivateKey {
  private final ECPrivateKeyParameters parameters;
  // Derived on first use: decryption never needs it, and [d]G costs a scalar multiplication.
  private volatile Sm2PublicKey publicKey;

  Sm2PrivateKey(BigInteger d) {
    this.parameters = new ECPrivateKeyParameters(d, Sm2Curve.DOMAIN);
  }

  /** The public key [d]G. */
  public Sm2PublicKey publicKey() {
    Sm2PublicKey key = publicKey;
    if (key == null) {
      key =
          new Sm2PublicKey(
              new FixedPointCombMultiplier()
                  .multiply(Sm2Curve.DOMAIN.getG(), parameters.getD())
                  .normalize());
      publicKey = key;
    }
    return key;
  }

  ECPrivateKeyParameters parameters() {
    return parameters;
  }
}
