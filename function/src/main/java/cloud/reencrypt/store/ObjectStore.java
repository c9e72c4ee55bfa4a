package cloud.reencrypt.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the OBS handler reads source objects and writes re-encrypted ones.
 *
 * <p>Guarantees every implementation keeps (the contract tests check them on each):
 *
 * <ul>
 *   <li>Reads stream: {@link #open} never loads an object into memory.
 *   <li>Writes are whole or nothing: an object written through {@link #upload} or {@link #write}
 *       becomes visible only when {@link ObjectUpload#commit()} returns, with its user metadata; a
 *       failed, aborted or abandoned write leaves the previous object (or no object) in place,
 *       never a truncated one. Memory stays bounded whatever the object size.
 *   <li>Nothing outside the work location is deleted: {@link #delete} exists for the job state of
 *       long manifests only, and the service reaches it through {@code service.JobFolder}, which
 *       refuses any key outside {@code WORK_PREFIX}; sources and outputs are never deleted.
 *   <li>Bucket names, keys and metadata follow {@link ObjectNames} and {@link UserMetadata};
 *       anything else fails with {@link ObjectStoreException.Reason#INVALID_ARGUMENT} before any
 *       I/O.
 * </ul>
 *
 * <p>Implementations are safe for concurrent use; a single {@link ObjectUpload} is not.
 */
public interface ObjectStore extends Closeable {

  /**
   * Opens an object for a streaming read. Close the result to release its connection or file.
   *
   * @throws ObjectStoreException {@code NOT_FOUND} if the object or bucket does not exist
   */
  StoredObject open(String bucket, String key) throws ObjectStoreException;

  /** The object's ETag, size and user metadata, or empty if it does not exist. */
  Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException;

  /**
   * Opens bytes {@code [offset, offset + length)} of an object for a streaming read; a range that
   * runs past the end stops at the end. The info is the whole object's.
   *
   * @throws ObjectStoreException {@code NOT_FOUND} if the object or bucket does not exist
   */
  StoredObject open(String bucket, String key, long offset, long length)
      throws ObjectStoreException;

  /**
   * One page of the keys under {@code prefix}, in lexicographic (UTF-8 byte) order, starting after
   * {@code marker} (null: from the start). The infos carry ETag and size, no user metadata.
   *
   * @param maxKeys 1 to 1000
   * @throws ObjectStoreException {@code NOT_FOUND} if the bucket does not exist
   */
  ListPage list(String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException;

  /**
   * Deletes an object; deleting one that does not exist succeeds (as on OBS). Only the work
   * location's job state is ever deleted; see the class comment.
   */
  void delete(String bucket, String key) throws ObjectStoreException;

  /**
   * Writes an object whose content is the given objects' contents, in order, whole or nothing,
   * without holding it in memory: a server-side copy of each part where the store and the part
   * sizes allow it, else streamed through {@link #write}. The same parts give the same bytes, so
   * two callers composing at once leave one correct object.
   *
   * @param parts the parts, each as {@link #head} or {@link #list} reported it
   * @return the composed object's ETag, size and metadata
   * @throws ObjectStoreException {@code INVALID_ARGUMENT} if a part is the object being composed
   *     ({@link ComposeParts#refuseTarget})
   */
  default ObjectInfo compose(
      String bucket, String key, Map<String, String> userMetadata, List<ObjectInfo> parts)
      throws IOException {
    ComposeParts.refuseTarget(bucket, key, parts);
    return write(
        bucket,
        key,
        userMetadata,
        out -> {
          for (ObjectInfo part : parts) {
            try (StoredObject in = open(part.bucket(), part.key())) {
              in.content().transferTo(out);
            }
          }
        });
  }

  /**
   * Starts a whole-or-nothing write. Stream the content into {@link ObjectUpload#stream()}, then
   * {@link ObjectUpload#commit()}; closing the upload without committing discards it. Use it in a
   * try-with-resources block so an exception can never publish part of an object.
   */
  ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException;

  /**
   * Writes a whole object: runs {@code content} against the upload's stream and commits if it
   * returns normally; if it throws, nothing is published and the exception propagates. Flush (or
   * close) any writer wrapped around the stream before returning: only bytes that reached the
   * stream are published, and closing the stream itself publishes nothing.
   *
   * @return the committed object's ETag, size and metadata
   */
  default ObjectInfo write(
      String bucket, String key, Map<String, String> userMetadata, ContentWriter content)
      throws IOException {
    try (ObjectUpload upload = upload(bucket, key, userMetadata)) {
      content.writeTo(upload.stream());
      return upload.commit();
    }
  }

  /**
   * Hands every object under {@code prefix} to {@code visitor}, in key order, one listing page of
   * 1,000 keys at a time (so memory stays bounded whatever the count).
   */
  default void forEach(String bucket, String prefix, ObjectVisitor visitor) throws IOException {
    String marker = null;
    do {
      ListPage page = list(bucket, prefix, marker, 1000);
      for (ObjectInfo object : page.objects()) {
        visitor.visit(object);
      }
      marker = page.nextMarker();
    } while (marker != null);
  }

  /**
   * Runs this store's write path once where that is free and leaves no trace, so that an instance's
   * first object does not pay for loading and compiling it; for an initializer. Never fails. The
   * default does nothing, which is OBS's case: a write there is seen (under the work location it
   * fires the function's own trigger) or cannot be undone (the agency deletes nothing at the
   * output).
   */
  default void warmUpWrites() {}

  /** Releases connections; the directory store holds none. */
  @Override
  void close();

  /**
   * A page of a listing.
   *
   * @param objects the keys of this page with their ETag and size
   * @param nextMarker where the next page starts, or null when this page is the last
   */
  record ListPage(List<ObjectInfo> objects, String nextMarker) {
    public ListPage {
      objects = List.copyOf(objects);
    }

    public boolean isLast() {
      return nextMarker == null;
    }
  }

  /** Takes one listed object ({@link #forEach}). */
  @FunctionalInterface
  interface ObjectVisitor {
    void visit(ObjectInfo object) throws IOException;
  }

  /** Produces an object's content into a stream it must not close. */
  @FunctionalInterface
  interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
