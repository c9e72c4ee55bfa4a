package cloud.reencrypt.store;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The user metadata rules every store enforces, so an object that the directory store accepts is
 * one OBS accepts too. On OBS each entry travels as an HTTP header {@code x-obs-meta-NAME: VALUE}:
 *
 * <ul>
 *   <li>names: lower case letters, digits, {@code -}, {@code _} and {@code .}, starting with a
 *       letter or digit (header names are case-insensitive, so servers return them in lower case);
 *   <li>values: printable US-ASCII, no leading or trailing space (HTTP would trim it);
 *   <li>at most {@value #MAX_TOTAL_BYTES} bytes of names and values together (S3's limit; OBS
 *       allows more).
 * </ul>
 */
public final class UserMetadata {
  public static final int MAX_TOTAL_BYTES = 2048;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
  private static final Pattern VALUE = Pattern.compile("([!-~]([ -~]*[!-~])?)?");

  private UserMetadata() {}

  /**
   * A validated, immutable copy sorted by name, for a write.
   *
   * @throws ObjectStoreException {@code INVALID_ARGUMENT}, naming the first entry that breaks a
   *     rule
   */
  public static SortedMap<String, String> validated(Map<String, String> metadata)
      throws ObjectStoreException {
    SortedMap<String, String> copy = new TreeMap<>();
    int total = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (name == null || !NAME.matcher(name).matches()) {
        throw ObjectStoreException.invalidArgument("invalid user metadata name: '" + name + "'");
      }
      if (value == null || !VALUE.matcher(value).matches()) {
        throw ObjectStoreException.invalidArgument(
            "user metadata '" + name + "' must be printable US-ASCII without surrounding spaces");
      }
      total += name.length() + value.getBytes(StandardCharsets.US_ASCII).length;
      copy.put(name, value);
    }
    if (total > MAX_TOTAL_BYTES) {
      throw ObjectStoreException.invalidArgument(
          "user metadata exceeds " + MAX_TOTAL_BYTES + " bytes (" + total + ")");
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
