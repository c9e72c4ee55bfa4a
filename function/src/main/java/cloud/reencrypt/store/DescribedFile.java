package cloud.reencrypt.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A directory-store object's file opened for reading, with the info of exactly that file: from its
 * metadata record when the record belongs to this very file, otherwise no metadata and the ETag
 * computed from the file's content (once per identity, {@link ComputedEtags}). Writers replace
 * objects by rename, so the file opened may have been replaced (and its record moved on) a moment
 * later; the open then tries again, and a reader never mistakes a replaced object for one without
 * metadata.
 */
record DescribedFile(OpenedFile file, ObjectInfo info) implements Closeable {
  /** Opens that find their file replaced try again this many times in all. */
  private static final int STALE_READ_ATTEMPTS = 16;

  /**
   * Opens the object's file, positioned at {@code offset} (past the end is allowed: no bytes);
   * empty when there is no such file. Refuses keys that resolve outside the root.
   */
  static Optional<DescribedFile> open(
      DirectoryLayout layout, ComputedEtags etags, String bucket, String key, long offset)
      throws IOException {
    Path path = layout.objectPath(bucket, key);
    layout.requireInsideRoot(path, bucket, key);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    for (int attempt = 1; ; attempt++) {
      OpenedFile file = OpenedFile.open(path);
      try {
        Optional<ObjectInfo> info = describe(layout, etags, bucket, key, path, file, attempt);
        if (info.isPresent()) {
          file.channel().position(offset);
          return Optional.of(new DescribedFile(file, info.get()));
        }
        file.close();
      } catch (IOException | RuntimeException e) {
        file.close();
        throw e;
      }
    }
  }

  /** Empty when no record matches because the file at the path is no longer the one opened. */
  private static Optional<ObjectInfo> describe(
      DirectoryLayout layout,
      ComputedEtags etags,
      String bucket,
      String key,
      Path path,
      OpenedFile file,
      int attempt)
      throws IOException {
    FileIdentity identity = file.identity();
    Optional<MetadataFile> record =
        MetadataFile.readMatching(layout.metadataPath(bucket, key), identity);
    if (record.isPresent()) {
      return Optional.of(
          new ObjectInfo(
              bucket, key, record.get().etag(), identity.size(), record.get().userMetadata()));
    }
    if (attempt < STALE_READ_ATTEMPTS && !identity.sameFile(FileIdentity.of(path))) {
      return Optional.empty();
    }
    Optional<String> known = etags.get(path, identity);
    String etag =
        known.isPresent() ? known.get() : etags.put(path, identity, Md5.hex(file.newStream()));
    return Optional.of(new ObjectInfo(bucket, key, etag, identity.size(), Map.of()));
  }

  /** Closes the file; closing a file opened only for reading loses nothing, so it never fails. */
  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      // Nothing was written through it.
    }
  }
}
