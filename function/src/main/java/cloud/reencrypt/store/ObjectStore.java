package cloud.reencrypt.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
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
 *   <li>Nothing is deleted: the interface has no delete, so a source object cannot be lost through
 *       it.
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

  /** Releases connections; the directory store holds none. */
  @Override
  void close();

  /** Produces an object's content into a stream it must not close. */
  @FunctionalInterface
  interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
