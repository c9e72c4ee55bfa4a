package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The keystore file on disk: stamps, reads, and writes that never leave a partial file.
 *
 * <p>A write goes to a temporary file in the same directory (mode 0600), is forced to disk, renamed
 * over the keystore, and the directory is forced so the rename survives a crash. Writers serialise
 * on a sidecar lock file ({@code <name>.lock}, an OS file lock, so separate processes exclude each
 * other) and, inside one JVM, on a lock per path (OS file locks are per process). All of it happens
 * on the keystore's real path, symbolic links resolved: a keystore reached through a link is
 * written in its target's place and the link stays, and every spelling of one file takes the same
 * locks.
 *
 * <p>Not final so that tests can watch the bytes that pass through it.
 */
class KeystoreFile {
  private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS =
      new ConcurrentHashMap<>();
  private static final Set<StandardOpenOption> LOCK_OPTIONS =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);

  /** Links followed before giving up, as the kernel's own limit (ELOOP) does. */
  private static final int MAX_LINKS = 40;

  private final Path path;
  private final Path lockPath;

  KeystoreFile(Path path) {
    this.path = realFile(path.toAbsolutePath());
    this.lockPath = this.path.resolveSibling(this.path.getFileName() + ".lock");
  }

  /**
   * The file the keystore really is, resolved once: a write must replace a symbolic link's target,
   * not the link, and every spelling of one keystore must share one lock. A file not created yet is
   * resolved through its directory, a dangling link through its target; when the directory is
   * missing too, the path is kept as spelled, and the first write reports it.
   */
  private static Path realFile(Path path) {
    Path file = path;
    for (int links = 0; links < MAX_LINKS; links++) {
      try {
        return file.toRealPath();
      } catch (IOException e) {
        // Missing (or unreachable): follow a dangling link by hand, else resolve the directory.
      }
      if (!Files.isSymbolicLink(file)) {
        break;
      }
      try {
        file = file.resolveSibling(Files.readSymbolicLink(file));
      } catch (IOException e) {
        break;
      }
    }
    try {
      return file.getParent().toRealPath().resolve(file.getFileName());
    } catch (IOException e) {
      return file.normalize();
    }
  }

  Path path() {
    return path;
  }

  /** The current stamp, {@link FileStamp#MISSING} when there is no file. */
  FileStamp stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new FileStamp(
          attributes.fileKey(),
          attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          attributes.size());
    } catch (NoSuchFileException e) {
      return FileStamp.MISSING;
    } catch (IOException e) {
      throw failure("cannot read its attributes", e);
    }
  }

  /** The file's bytes, or null when it does not exist. */
  byte[] readOrNull() {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw failure("cannot read it", e);
    }
  }

  /** Runs {@code action} holding the writers' lock, in this JVM and across processes. */
  <T> T locked(Supplier<T> action) {
    ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
    processLock.lock();
    try (FileChannel channel = FileChannel.open(lockPath, LOCK_OPTIONS, ownerOnly());
        FileLock ignored = channel.lock()) {
      return action.get();
    } catch (IOException e) {
      throw failure("cannot take its lock file", e);
    } finally {
      processLock.unlock();
    }
  }

  /** Replaces the file's content atomically; call it inside {@link #locked}. */
  void replace(byte[] content) {
    Path temp = path.resolveSibling("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createFile(temp, ownerOnly());
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
    } catch (IOException e) {
      throw failure("cannot write it", e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private void forceDirectory() throws IOException {
    try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The rename already happened or the write failed; a leftover temp file holds no secret
      // that the keystore itself does not, and the next write uses a new name.
    }
  }

  /** A failure naming neither the file nor the cause's message, which quotes the path. */
  private static KmsException failure(String what, IOException e) {
    return KmsError.INTERNAL_ERROR.exception(
        "keystore: " + what + " (" + e.getClass().getSimpleName() + ")");
  }
}
