package cloud.reencrypt.kms.local.crypto;

import java.security.SecureRandom;

/**
 * A "random" source that returns one fixed value: drives the SM2 encryptor with the ephemeral k of
 * a published example. Test use only.
 */
final class FixedRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final byte[] value;

  FixedRandom(byte[] value) {
    this.value = value.clone();
  }

  @Override
  public void nextBytes(byte[] bytes) {
    if (bytes.length != value.length) {
      throw new IllegalStateException(
          "asked for " + bytes.length + " bytes, fixed " + value.length);
    }
    System.arraycopy(value, 0, bytes, 0, bytes.length);
  }
}
