package cloud.reencrypt.store;

import java.io.IOException;
import java.util.Objects;

/**
 * An object-store operation that failed, with a {@link Reason} the caller can act on and a one-line
 * message safe to show: it names the bucket and key, never credentials or server internals.
 */
public final class ObjectStoreException extends IOException {
  /** Why an operation failed. */
  public enum Reason {
    /** The object or its bucket does not exist. */
    NOT_FOUND,
    /** The credentials are wrong, expired, or lack permission. */
    ACCESS_DENIED,
    /** A bucket name, object key or metadata entry the store refuses. */
    INVALID_ARGUMENT,
    /** The key collides with another object (a local file where a directory is needed). */
    CONFLICT,
    /** The store could not be reached. */
    UNAVAILABLE,
    /** Any other failure. */
    FAILED
  }

  private final Reason reason;

  public ObjectStoreException(Reason reason, String message) {
    this(reason, message, null);
  }

  /** The cause is kept for debugging; its message is never part of this one. */
  public ObjectStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }

  /** How messages name an object: {@code bucket/key}, the way OBS Browser shows it. */
  public static String location(String bucket, String key) {
    return "'" + bucket + "/" + key + "'";
  }

  public static ObjectStoreException notFound(String bucket, String key) {
    return new ObjectStoreException(
        Reason.NOT_FOUND, "object " + location(bucket, key) + " does not exist");
  }

  public static ObjectStoreException invalidArgument(String what) {
    return new ObjectStoreException(Reason.INVALID_ARGUMENT, what);
  }
}
