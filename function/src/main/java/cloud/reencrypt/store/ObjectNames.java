package cloud.reencrypt.store;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The bucket and key rules every store enforces (OBS's own rules), checked before any request so a
 * bad name from an event fails with a clear message instead of a server error.
 *
 * <ul>
 *   <li>Bucket: 3 to 63 characters of lower case letters, digits, {@code -} and {@code .}; starts
 *       and ends with a letter or digit; no {@code ..}, {@code .-} or {@code -.}; not shaped like
 *       an IP address. A bucket name therefore never starts with a dot, which is what lets the
 *       directory store keep its own trees in hidden directories beside the buckets.
 *   <li>Key: 1 to 1024 bytes of UTF-8, no NUL character.
 *   <li>Listing: a prefix and a marker follow the key rules but may be empty or absent (null); a
 *       page holds 1 to {@value #MAX_LIST_KEYS} keys, OBS's own bound.
 * </ul>
 */
public final class ObjectNames {
  public static final int MAX_KEY_BYTES = 1024;
  public static final int MAX_LIST_KEYS = 1000;
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private ObjectNames() {}

  public static void checkBucket(String bucket) throws ObjectStoreException {
    if (bucket == null
        || !BUCKET.matcher(bucket).matches()
        || bucket.contains("..")
        || bucket.contains(".-")
        || bucket.contains("-.")
        || IP_ADDRESS.matcher(bucket).matches()) {
      throw ObjectStoreException.invalidArgument(
          "invalid bucket name '"
              + bucket
              + "': 3-63 lower case letters, digits, '-' and '.', starting and ending with a"
              + " letter or digit");
    }
  }

  public static void checkKey(String key) throws ObjectStoreException {
    if (key == null || key.isEmpty()) {
      throw ObjectStoreException.invalidArgument("the object key is empty");
    }
    if (key.indexOf('\0') >= 0) {
      throw ObjectStoreException.invalidArgument("the object key contains a NUL character");
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw ObjectStoreException.invalidArgument(
          "the object key is longer than " + MAX_KEY_BYTES + " bytes");
    }
  }

  /** The arguments of a listing: bucket, optional prefix and marker, page size. */
  public static void checkListing(String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException {
    checkBucket(bucket);
    for (String bound : new String[] {prefix, marker}) {
      if (bound != null && !bound.isEmpty()) {
        checkKey(bound);
      }
    }
    if (maxKeys < 1 || maxKeys > MAX_LIST_KEYS) {
      throw ObjectStoreException.invalidArgument(
          "maxKeys must be 1 to " + MAX_LIST_KEYS + ", not " + maxKeys);
    }
  }

  /** Both checks, in the order a request names them. */
  public static void check(String bucket, String key) throws ObjectStoreException {
    checkBucket(bucket);
    checkKey(key);
  }
}
