package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns file system failures into {@link ObjectStoreException}s with one-line messages. */
final class FileErrors {
  private FileErrors() {}

  static ObjectStoreException of(IOException e, String action, String bucket, String key) {
    if (e instanceof ObjectStoreException known) {
      return known;
    }
    String object = ObjectStoreException.location(bucket, key);
    if (e instanceof NoSuchFileException) {
      return ObjectStoreException.notFound(bucket, key);
    }
    if (e instanceof AccessDeniedException) {
      return new ObjectStoreException(
          ObjectStoreException.Reason.ACCESS_DENIED,
          "cannot " + action + " object " + object + ": permission denied",
          e);
    }
    return new ObjectStoreException(
        ObjectStoreException.Reason.FAILED,
        "cannot " + action + " object " + object + ": " + e.getMessage(),
        e);
  }
}
