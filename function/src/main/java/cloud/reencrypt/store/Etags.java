package cloud.reencrypt.store;

import java.util.Locale;

/**
 * ETag comparison. Servers send ETags quoted ({@code "9e10..."}), OBS events carry them bare, and
 * weak validators ({@code W/"..."}) may appear behind proxies; all compare equal once normalised.
 */
public final class Etags {
  private Etags() {}

  /** The bare, lower-case tag: quotes and a weak prefix removed; null stays null. */
  public static String normalize(String etag) {
    if (etag == null) {
      return null;
    }
    String tag = etag.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    return tag.toLowerCase(Locale.ROOT);
  }

  /** Whether two tags name the same content; a missing tag never matches. */
  public static boolean same(String left, String right) {
    return left != null && right != null && normalize(left).equals(normalize(right));
  }
}
