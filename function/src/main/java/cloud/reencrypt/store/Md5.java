package cloud.reencrypt.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 as object stores use it: the ETag of a single-part object is its content's hex MD5. */
public final class Md5 {
  private Md5() {}

  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides MD5", e);
    }
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hex MD5 of everything the stream delivers; the stream is read to its end, not closed. */
  public static String hex(InputStream content) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[64 * 1024];
    for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return hex(digest);
  }
}
