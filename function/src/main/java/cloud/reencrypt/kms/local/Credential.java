package cloud.reencrypt.kms.local;

/**
 * One AK/SK pair from the keystore's {@code credentials}, for the local KMS server's request
 * signatures. {@link #toString()} leaves the secret out.
 */
public record Credential(String accessKey, String secretKey) {
  @Override
  public String toString() {
    return "Credential[accessKey=" + accessKey + "]";
  }
}
