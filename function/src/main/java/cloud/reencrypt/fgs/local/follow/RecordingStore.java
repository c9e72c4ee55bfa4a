package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.store.ForwardingObjectStore;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A store that reports every object committed through it, after the commit and only then: an
 * upload's {@link ObjectUpload#commit()}, a {@link #write} and a {@link #compose}. These are the
 * writes after which OBS sends an object-created event; an aborted upload, a failed write and a
 * delete report nothing. Everything else is passed on to the wrapped store.
 */
final class RecordingStore extends ForwardingObjectStore {
  private final Consumer<ObjectInfo> committed;

  /**
   * @param committed told of each committed object; called on the committing thread
   */
  RecordingStore(ObjectStore store, Consumer<ObjectInfo> committed) {
    super(store);
    this.committed = committed;
  }

  @Override
  public ObjectInfo compose(
      String bucket, String key, Map<String, String> userMetadata, List<ObjectInfo> parts)
      throws IOException {
    return reported(delegate().compose(bucket, key, userMetadata, parts));
  }

  @Override
  public ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException {
    return new RecordedUpload(delegate().upload(bucket, key, userMetadata));
  }

  @Override
  public ObjectInfo write(
      String bucket, String key, Map<String, String> userMetadata, ContentWriter content)
      throws IOException {
    return reported(delegate().write(bucket, key, userMetadata, content));
  }

  private ObjectInfo reported(ObjectInfo info) {
    committed.accept(info);
    return info;
  }

  /** The wrapped store's upload, reported when it commits. */
  private final class RecordedUpload extends ObjectUpload {
    private final ObjectUpload upload;

    RecordedUpload(ObjectUpload upload) {
      this.upload = upload;
    }

    @Override
    protected void append(byte[] bytes, int offset, int length) throws IOException {
      upload.stream().write(bytes, offset, length);
    }

    @Override
    protected ObjectInfo publish() throws IOException {
      return reported(upload.commit());
    }

    @Override
    protected void discard() {
      upload.abort();
    }
  }
}
