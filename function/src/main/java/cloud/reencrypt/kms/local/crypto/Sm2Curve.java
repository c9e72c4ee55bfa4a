package cloud.reencrypt.kms.local.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;

/**
 * The sm2p256v1 curve (GB/T 32918.5), shared by every SM2 key so that the generator's precomputed
 * multiples are built once per process.
 */
final class Sm2Curve {
  static final ASN1ObjectIdentifier OID = GMObjectIdentifiers.sm2p256v1;

  static final ECDomainParameters DOMAIN =
      new ECNamedDomainParameters(OID, GMNamedCurves.getByOID(OID));

  /** {@code id-ecPublicKey} with the sm2p256v1 named curve: how OpenSSL 3 labels SM2 keys. */
  static final AlgorithmIdentifier ALGORITHM =
      new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, OID);

  /** Length in bytes of a field element, so of each coordinate. */
  static final int FIELD_LENGTH = DOMAIN.getCurve().getFieldElementEncodingLength();

  private Sm2Curve() {}
}
