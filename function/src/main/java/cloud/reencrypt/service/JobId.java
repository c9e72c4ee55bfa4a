package cloud.reencrypt.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Job ids. A manifest job's id is derived from its source, so every delivery of the same event, and
 * every later invocation of it, finds the same job: {@code m-<etag>-<16 hex digits of SHA-256 of
 * bucket LF key>}. The ETag makes a new upload of the manifest a new job, and makes the id as hard
 * to guess as the content's MD5. A sweep's id is random ({@link #forSweep()}).
 */
public final class JobId {
  /** What any job id looks like; anything else is refused before the store is asked. */
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{7,127}");

  private static final String SWEEP = "s-";
  private static final SecureRandom RANDOM = new SecureRandom();

  private JobId() {}

  /**
   * A sweep's id: {@code s-} and 128 random bits in hex. A sweep has no content to name it, and a
   * random id cannot be guessed from the bucket it sweeps.
   */
  public static String forSweep() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return SWEEP + HexFormat.of().formatHex(bits);
  }

  /** Whether {@code id} names a sweep rather than a manifest job. */
  public static boolean isSweep(String id) {
    return isValid(id) && id.startsWith(SWEEP);
  }

  public static String forManifest(String bucket, String key, String etag) {
    String tag = etag.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z-]", "");
    byte[] name = (bucket + "\n" + key).getBytes(StandardCharsets.UTF_8);
    return "m-" + tag + "-" + HexFormat.of().formatHex(sha256(name), 0, 8);
  }

  /** Whether {@code id} has the shape of a job id. */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
