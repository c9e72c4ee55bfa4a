package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.locks.Lock;

/**
 * A directory-store delete. Under the object's lock ({@link DirectoryLocks}) the object file goes
 * first, then its metadata record: a crash between the two leaves a record that matches no file,
 * which readers ignore and the next write replaces, whereas the reverse order would leave an object
 * that has lost its metadata. A concurrent write of the same key therefore lands wholly before or
 * wholly after the delete.
 *
 * <p>Then the directories the delete emptied are removed, in both trees, up to the bucket: OBS has
 * no directories, and an empty one left at {@code a/} would make the key {@code a} unwritable (a
 * conflict with the keys below it) although no such key exists any more.
 */
final class DirectoryDelete {
  private DirectoryDelete() {}

  /** Deletes the object and its record; a missing object (or a key that is a directory) is fine. */
  static void delete(DirectoryLayout layout, String bucket, String key) throws IOException {
    Path bucketDir = layout.existingBucketDir(bucket);
    Path object = layout.objectPath(bucket, key);
    Path metadata = layout.metadataPath(bucket, key);
    layout.requireInsideRoot(object, bucket, key);
    layout.requireInsideRoot(metadata, bucket, key);
    Lock lock = DirectoryLocks.object(object);
    lock.lock();
    try {
      deleteFile(object);
      deleteFile(metadata);
    } finally {
      lock.unlock();
    }
    Lock tree = DirectoryLocks.treeExclusive();
    tree.lock();
    try {
      removeEmptyParents(object, bucketDir);
      removeEmptyParents(metadata, layout.metadataBucketDir(bucket));
    } finally {
      tree.unlock();
    }
  }

  /** Deletes a file or link; a directory at the path holds other keys and is no object. */
  private static void deleteFile(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
    }
  }

  /**
   * Removes the empty directories between {@code path} and {@code top}, deepest first; stops at the
   * first that is not empty, or not a plain directory (a link someone made stays). Best effort: the
   * object is already gone, and a directory left over only costs the key of its name.
   */
  private static void removeEmptyParents(Path path, Path top) {
    for (Path dir = path.getParent();
        dir.startsWith(top) && !dir.equals(top);
        dir = dir.getParent()) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      try {
        Files.delete(dir);
      } catch (IOException e) {
        // Not empty (other keys live here), or not ours to remove: the directories above stay too.
        return;
      }
    }
  }
}
