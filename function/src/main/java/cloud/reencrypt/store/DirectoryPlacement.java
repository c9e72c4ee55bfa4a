package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file-system steps that put one key's staged files in place ({@link DirectoryUpload}): the
 * directories above them, atomic renames, and the fsyncs that make both durable. A key that is also
 * a "directory" of other keys, or that needs a directory where an object is, is refused with {@code
 * CONFLICT}, as OBS cannot hold both either.
 */
final class DirectoryPlacement {
  private final DirectoryLayout layout;
  private final String bucket;
  private final String key;

  DirectoryPlacement(DirectoryLayout layout, String bucket, String key) {
    this.layout = layout;
    this.bucket = bucket;
    this.key = key;
  }

  /** Creates the directories above {@code path}, refusing keys that collide with objects. */
  void prepareParent(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw conflict("other keys continue below it ('" + key + "/...')");
    }
    for (Path above = path.getParent();
        above.startsWith(layout.root());
        above = above.getParent()) {
      if (Files.exists(above)) {
        if (!Files.isDirectory(above)) {
          throw conflict("an object exists where the key needs a directory");
        }
        break;
      }
    }
    layout.requireInsideRoot(path, bucket, key);
    Files.createDirectories(path.getParent());
    layout.requireInsideRoot(path, bucket, key);
  }

  private ObjectStoreException conflict(String why) {
    return new ObjectStoreException(
        ObjectStoreException.Reason.CONFLICT,
        "cannot write object " + ObjectStoreException.location(bucket, key) + ": " + why);
  }

  void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (DirectoryNotEmptyException e) {
      throw conflict("other keys continue below it ('" + key + "/...')");
    }
  }

  static void writeDurably(Path file, byte[] content) throws IOException {
    try (FileChannel target = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        target.write(buffer);
      }
      target.force(true);
    }
  }

  /** Makes a rename durable; some platforms cannot open a directory, and lose only durability. */
  static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // The rename itself has happened; only its survival of a power cut is not guaranteed.
    }
  }
}
