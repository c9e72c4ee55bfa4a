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

  /** Whether the tag is a plain MD5 in hex: the ETag of an object written in one piece. */
  static boolean isHex(String etag) {
    return etag != null && etag.length() == 32 && etag.chars().allMatch(HexFormat::isHexDigit);
  }

  /**
   * The ETag S3 and OBS give an object composed of parts: the hex MD5 of the parts' binary MD5s
   * concatenated in order, then {@code -} and the number of parts.
   */
  static String composedEtag(byte[] partMd5s, int parts) {
    return HexFormat.of().formatHex(newDigest().digest(partMd5s)) + "-" + parts;
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
