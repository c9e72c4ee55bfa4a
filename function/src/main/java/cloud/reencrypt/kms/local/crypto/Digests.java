package cloud.reencrypt.kms.local.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The digests KMS puts beside data keys: SHA-256 for AES keys, SM3 (GB/T 32905) for SM4 keys. */
public final class Digests {
  /**
   * A SHA-256 per thread: {@code MessageDigest.getInstance} is a provider lookup that cost more
   * than hashing a blob's hundred-odd bytes. {@code digest()} resets it for the next use.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(Digests::newSha256);

  private Digests() {}

  public static byte[] sha256(byte[] data) {
    return sha256(data, data.length);
  }

  /** SHA-256 over bytes {@code [0, length)}. */
  public static byte[] sha256(byte[] data, int length) {
    MessageDigest digest = SHA_256.get();
    digest.update(data, 0, length);
    return digest.digest();
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public static byte[] sm3(byte[] data) {
    SM3Digest digest = new SM3Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
