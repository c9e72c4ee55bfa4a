package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns file system failures into {@link ObjectStoreException}s with one-line messages. */
final class FileErrors {
  /** The longest file name (one path segment) in bytes on the file systems we meet (NAME_MAX). */
  static final int MAX_NAME_BYTES = 255;

  private FileErrors() {}

  /**
   * Whether the file system refused a name as too long ({@code ENAMETOOLONG}): a failure no retry
   * can mend. Java reports it as a plain {@link FileSystemException} whose reason is the C
   * library's message, which may be translated; so an over-long segment in the path counts too.
   */
  static boolean isNameTooLong(IOException e) {
    if (!(e instanceof FileSystemException failure) || e.getClass() != FileSystemException.class) {
      return false;
    }
    String reason = failure.getReason();
    return reason != null && reason.toLowerCase(Locale.ROOT).contains("name too long")
        || hasOverlongName(failure.getFile())
        || hasOverlongName(failure.getOtherFile());
  }

  private static boolean hasOverlongName(String file) {
    if (file == null) {
      return false;
    }
    for (Path name : Path.of(file)) {
      if (name.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        return true;
      }
    }
    return false;
  }

  static ObjectStoreException of(IOException e, String action, String bucket, String key) {
    if (e instanceof ObjectStoreException known) {
      return known;
    }
    String object = ObjectStoreException.location(bucket, key);
    if (e instanceof NoSuchFileException) {
      return ObjectStoreException.notFound(bucket, key);
    }
    if (isNameTooLong(e)) {
      return new ObjectStoreException(
          ObjectStoreException.Reason.INVALID_ARGUMENT,
          "cannot " + action + " object " + object + ": the key is too long for the file system",
          e);
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
