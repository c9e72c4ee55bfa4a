package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the directory store keeps things under its root:
 *
 * <pre>
 * ROOT/BUCKET/KEY             the object, a plain file (key segments become directories)
 * ROOT/.metadata/BUCKET/KEY   its metadata, a JSON file ({@link MetadataFile})
 * ROOT/.staging/              uploads in progress, renamed into place on commit; upload-*.part and
 *                             metadata-*.part, removed when stale ({@link StagingSweep})
 * </pre>
 *
 * <p>The metadata tree has exactly the shape of the object tree, so two keys collide there only
 * when their objects collide anyway, and a suffix can never make one key's metadata file clash with
 * another key's directory. Bucket names never start with a dot ({@link ObjectNames}), so the hidden
 * trees never clash with a bucket.
 *
 * <p>Keys are refused when a segment is empty (a leading, trailing or doubled {@code /}), {@code .}
 * or {@code ..}, or contains a backslash; and any path whose existing part resolves (through
 * symbolic links) outside the root is refused, so no key reads or writes outside the root.
 */
final class DirectoryLayout {
  private static final String METADATA_DIR = ".metadata";
  private static final String STAGING_DIR = ".staging";

  private final Path root;

  DirectoryLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  Path bucketDir(String bucket) throws ObjectStoreException {
    ObjectNames.checkBucket(bucket);
    return root.resolve(bucket);
  }

  /**
   * The bucket's directory, which must exist: as on OBS, a missing bucket is {@code NOT_FOUND} for
   * writes, listings and deletes alike, never created on the fly.
   */
  Path existingBucketDir(String bucket) throws ObjectStoreException {
    Path dir = bucketDir(bucket);
    if (!Files.isDirectory(dir)) {
      throw new ObjectStoreException(
          ObjectStoreException.Reason.NOT_FOUND,
          "bucket '" + bucket + "' does not exist (no directory " + dir + ")");
    }
    return dir;
  }

  Path objectPath(String bucket, String key) throws ObjectStoreException {
    return bucketDir(bucket).resolve(relativeKey(key));
  }

  Path metadataBucketDir(String bucket) throws ObjectStoreException {
    ObjectNames.checkBucket(bucket);
    return root.resolve(METADATA_DIR).resolve(bucket);
  }

  Path metadataPath(String bucket, String key) throws ObjectStoreException {
    return metadataBucketDir(bucket).resolve(relativeKey(key));
  }

  Path stagingDir() {
    return root.resolve(STAGING_DIR);
  }

  /**
   * Refuses a path whose deepest existing ancestor (the path itself if it exists) resolves outside
   * the root through a symbolic link. A concurrent delete may remove that ancestor between the look
   * and the resolution; the walk then starts again from the path.
   */
  void requireInsideRoot(Path path, String bucket, String key) throws IOException {
    while (true) {
      Path existing = path;
      while (existing.startsWith(root) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      if (!existing.startsWith(root)) {
        return;
      }
      Path real;
      try {
        real = existing.toRealPath();
      } catch (NoSuchFileException e) {
        continue;
      }
      if (!real.startsWith(root.toRealPath())) {
        throw ObjectStoreException.invalidArgument(
            "object " + ObjectStoreException.location(bucket, key) + " resolves outside the root");
      }
      return;
    }
  }

  private Path relativeKey(String key) throws ObjectStoreException {
    ObjectNames.checkKey(key);
    Path relative = root.getFileSystem().getPath("");
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw ObjectStoreException.invalidArgument(
            "the directory store refuses keys with an empty, '.' or '..' segment: '" + key + "'");
      }
      if (segment.indexOf('\\') >= 0) {
        throw ObjectStoreException.invalidArgument(
            "the directory store refuses keys containing a backslash: '" + key + "'");
      }
      relative = relative.resolve(segment);
    }
    return relative;
  }
}
