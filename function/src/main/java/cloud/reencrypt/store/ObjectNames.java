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
 * </ul>
 */
public final class ObjectNames {
  public static final int MAX_KEY_BYTES = 1024;
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

  /** Both checks, in the order a request names them. */
  public static void check(String bucket, String key) throws ObjectStoreException {
    checkBucket(bucket);
    checkKey(key);
  }
}
