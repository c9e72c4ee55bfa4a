package cloud.reencrypt.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ETags a directory store computed for files that have no metadata record (files put in a
 * bucket by hand), remembered per file identity. Without it, every ranged read of such a file
 * hashes the whole file again: a 200 MB manifest dropped by hand and run as a job of 28 parts was
 * hashed 28 times, as long as the job itself took. An entry holds only while the file keeps the
 * identity it was hashed with, the same rule a metadata record follows ({@link FileIdentity}).
 * Bounded to the {@value #MAX_ENTRIES} files used last; safe for concurrent use.
 */
final class ComputedEtags {
  static final int MAX_ENTRIES = 1024;

  private record Entry(FileIdentity identity, String etag) {}

  private final Map<Path, Entry> byPath =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  /** The ETag computed for this very file, if it was computed before. */
  synchronized Optional<String> get(Path path, FileIdentity identity) {
    Entry entry = byPath.get(path);
    return entry != null && entry.identity().sameFile(identity)
        ? Optional.of(entry.etag())
        : Optional.empty();
  }

  /** Remembers the ETag computed for this very file; returns it. */
  synchronized String put(Path path, FileIdentity identity, String etag) {
    byPath.put(path, new Entry(identity, etag));
    return etag;
  }
}
