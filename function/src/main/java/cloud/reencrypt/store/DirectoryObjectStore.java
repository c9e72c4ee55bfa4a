package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Objects as files under a local directory, for {@code invoke --objects DIR} and tests: bucket
 * {@code B}, key {@code K} is the file {@code DIR/B/K}, so files dropped under {@code
 * events/objects/BUCKET/} are objects of that bucket. User metadata lives in a hidden tree beside
 * the buckets; see {@link DirectoryLayout} for the layout and the key rules, {@link
 * DirectoryUpload} for how a write is made atomic, {@link DescribedFile} for how a read knows the
 * ETag of exactly the file it opened, {@link DirectoryDelete} for how a delete removes an object
 * and its record together, and {@link DirectoryListing} for how a listing walks the tree in key
 * order. Ranged reads position the file's channel; {@link #compose} copies the parts' files inside
 * the kernel, the local counterpart of a server-side copy.
 *
 * <p>A bucket is a directory that exists: as on OBS, writing into, listing or deleting from a
 * missing bucket fails with {@code NOT_FOUND} rather than creating it. An object without a metadata
 * record (a file put there by hand) has no user metadata and its content's MD5 as ETag. A key the
 * file system refuses as too long fails with {@code INVALID_ARGUMENT}: no retry can make it fit.
 * Opening a store removes the staged files killed runs left behind ({@link StagingSweep}).
 */
public final class DirectoryObjectStore implements ObjectStore {
  private final DirectoryLayout layout;
  private final ComputedEtags computedEtags = new ComputedEtags();

  /** A store on {@code root}; first removes the stale staged files of killed runs. */
  public DirectoryObjectStore(Path root) {
    this.layout = new DirectoryLayout(root);
    StagingSweep.removeStale(layout.stagingDir(), Instant.now());
  }

  /** The absolute root directory. */
  public Path root() {
    return layout.root();
  }

  @Override
  public StoredObject open(String bucket, String key) throws ObjectStoreException {
    return open(bucket, key, 0, Long.MAX_VALUE);
  }

  /** Reads through the file's channel from the offset, bounded to the length. */
  @Override
  public StoredObject open(String bucket, String key, long offset, long length)
      throws ObjectStoreException {
    ByteRange range = ByteRange.of(offset, length);
    DescribedFile file =
        described(bucket, key, range.offset())
            .orElseThrow(() -> ObjectStoreException.notFound(bucket, key));
    return new StoredObject(
        file.info(), new BoundedStream(file.file().newStream(), range.length()));
  }

  /**
   * Copies each part's file into the new object inside the kernel, never through the JVM, and gives
   * the object the ETag S3 and OBS give a multipart object: the MD5 of the parts' MD5s, then {@code
   * -N}. With no parts, the object is empty and its ETag is the empty content's MD5.
   */
  @Override
  public ObjectInfo compose(
      String bucket, String key, Map<String, String> userMetadata, List<ObjectInfo> parts)
      throws IOException {
    ComposeParts.refuseTarget(bucket, key, parts);
    if (parts.isEmpty()) {
      return ObjectStore.super.compose(bucket, key, userMetadata, parts);
    }
    try (DirectoryUpload upload = newUpload(bucket, key, userMetadata)) {
      for (ObjectInfo part : parts) {
        try (DescribedFile file =
            described(part.bucket(), part.key(), 0)
                .orElseThrow(() -> ObjectStoreException.notFound(part.bucket(), part.key()))) {
          upload.appendPart(file.file(), file.info().etag());
        }
      }
      return upload.commit();
    }
  }

  @Override
  public Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException {
    Optional<DescribedFile> file = described(bucket, key, 0);
    file.ifPresent(DescribedFile::close);
    return file.map(DescribedFile::info);
  }

  @Override
  public ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException {
    return newUpload(bucket, key, userMetadata);
  }

  private DirectoryUpload newUpload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException {
    Path target = layout.objectPath(bucket, key);
    Map<String, String> metadata = UserMetadata.validated(userMetadata);
    layout.existingBucketDir(bucket);
    try {
      layout.requireInsideRoot(target, bucket, key);
      return new DirectoryUpload(layout, bucket, key, metadata);
    } catch (IOException e) {
      throw FileErrors.of(e, "write", bucket, key);
    }
  }

  /**
   * Walks the bucket's tree ({@link DirectoryListing}); the infos come as {@link #head} has them.
   */
  @Override
  public ListPage list(String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException {
    ObjectNames.checkListing(bucket, prefix, marker, maxKeys);
    try {
      // One key more than the page tells whether another page follows.
      List<String> keys = DirectoryListing.keys(layout, bucket, prefix, marker, maxKeys + 1);
      List<ObjectInfo> page = new ArrayList<>();
      for (String key : keys.subList(0, Math.min(maxKeys, keys.size()))) {
        // An object deleted since the walk is simply not on the page.
        head(bucket, key)
            .ifPresent(
                info -> page.add(new ObjectInfo(bucket, key, info.etag(), info.size(), Map.of())));
      }
      return new ListPage(page, keys.size() > maxKeys ? keys.get(maxKeys - 1) : null);
    } catch (IOException e) {
      throw FileErrors.of(e, "list", bucket, Objects.toString(prefix, ""));
    }
  }

  /** Removes the file and its metadata record ({@link DirectoryDelete}). */
  @Override
  public void delete(String bucket, String key) throws ObjectStoreException {
    try {
      DirectoryDelete.delete(layout, bucket, key);
    } catch (NoSuchFileException e) {
      requireBucket(e, "delete", bucket, key);
    } catch (IOException e) {
      throw FileErrors.of(e, "delete", bucket, key);
    }
  }

  /**
   * A write, look-up, read and delete in a scratch directory of its own ({@link DirectoryWarmUp}).
   */
  @Override
  public void warmUpWrites() {
    DirectoryWarmUp.run(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Override
  public void close() {}

  /**
   * A folder on a key's path that went away with a concurrent delete means the object is absent (as
   * on OBS, which has no folders); only a missing bucket is an error.
   */
  private void requireBucket(NoSuchFileException e, String operation, String bucket, String key)
      throws ObjectStoreException {
    if (!Files.isDirectory(layout.bucketDir(bucket))) {
      throw FileErrors.of(e, operation, bucket, key);
    }
  }

  /**
   * The object's file opened at {@code offset}; empty when there is none ({@link DescribedFile}).
   */
  private Optional<DescribedFile> described(String bucket, String key, long offset)
      throws ObjectStoreException {
    try {
      return DescribedFile.open(layout, computedEtags, bucket, key, offset);
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted between the lookup and the open: absent, as on OBS
    } catch (IOException e) {
      throw FileErrors.of(e, "read", bucket, key);
    }
  }
}
