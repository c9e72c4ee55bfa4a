package cloud.reencrypt.kms.local.crypto;

import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The OAEP hashes of KMS's {@code RSAES_OAEP_SHA_1} and {@code RSAES_OAEP_SHA_256}. MGF1 always
 * uses the same hash (KMS's and OpenSSL's convention; the JDK's default would pair SHA-256 with
 * MGF1-SHA-1), and the label is empty.
 */
public enum OaepHash {
  SHA_1("SHA-1", MGF1ParameterSpec.SHA1, 20),
  SHA_256("SHA-256", MGF1ParameterSpec.SHA256, 32);

  private final OAEPParameterSpec spec;
  private final String jdkName;
  private final MGF1ParameterSpec mgf1;
  private final int length;

  OaepHash(String jdkName, MGF1ParameterSpec mgf1, int length) {
    this.jdkName = jdkName;
    this.mgf1 = mgf1;
    this.length = length;
    this.spec = new OAEPParameterSpec(jdkName, "MGF1", mgf1, PSource.PSpecified.DEFAULT);
  }

  /** Digest length in bytes (hLen). */
  public int length() {
    return length;
  }

  OAEPParameterSpec spec() {
    return spec;
  }

  /** The same hash and MGF1 with an explicit label (only known-answer tests use labels). */
  OAEPParameterSpec spec(byte[] label) {
    return new OAEPParameterSpec(jdkName, "MGF1", mgf1, new PSource.PSpecified(label));
  }
}
