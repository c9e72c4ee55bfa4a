package cloud.reencrypt.store;

import java.nio.file.Path;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The directory store's locks within one JVM (the file system offers none that every platform
 * keeps):
 *
 * <ul>
 *   <li>one per object path (striped), held while a write renames an object and its metadata record
 *       into place or a delete removes them, so the two always change together;
 *   <li>one for the shape of the trees: writes share it from creating their parent directories
 *       until their renames are done, and a delete takes it alone to remove the directories it
 *       emptied, so it never removes a directory a write has just created for itself.
 * </ul>
 *
 * Take a tree lock before an object lock, never the reverse.
 */
final class DirectoryLocks {
  private static final ReentrantLock[] OBJECTS = new ReentrantLock[64];
  private static final ReadWriteLock TREE = new ReentrantReadWriteLock();

  static {
    for (int i = 0; i < OBJECTS.length; i++) {
      OBJECTS[i] = new ReentrantLock();
    }
  }

  private DirectoryLocks() {}

  /** The lock of the object at {@code path}. */
  static Lock object(Path path) {
    return OBJECTS[Math.floorMod(path.hashCode(), OBJECTS.length)];
  }

  /** Held by writes while their directories must stay. */
  static Lock treeShared() {
    return TREE.readLock();
  }

  /** Held by a delete while it removes empty directories. */
  static Lock treeExclusive() {
    return TREE.writeLock();
  }
}
