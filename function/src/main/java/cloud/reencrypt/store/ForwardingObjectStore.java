package cloud.reencrypt.store;

import java.util.Map;
import java.util.Optional;

/**
 * A store that passes every call on to another; a subclass overrides what it changes (a recorder, a
 * test's fault). {@link #write}, {@link #compose} and {@link #forEach} stay the interface's
 * defaults, made of this store's own {@link #upload}, {@link #open} and {@link #list}, unless a
 * subclass passes them on too.
 */
public abstract class ForwardingObjectStore implements ObjectStore {
  private final ObjectStore store;

  protected ForwardingObjectStore(ObjectStore store) {
    this.store = store;
  }

  /** The store calls are passed on to. */
  protected final ObjectStore delegate() {
    return store;
  }

  @Override
  public StoredObject open(String bucket, String key) throws ObjectStoreException {
    return store.open(bucket, key);
  }

  @Override
  public Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException {
    return store.head(bucket, key);
  }

  @Override
  public StoredObject open(String bucket, String key, long offset, long length)
      throws ObjectStoreException {
    return store.open(bucket, key, offset, length);
  }

  @Override
  public ListPage list(String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException {
    return store.list(bucket, prefix, marker, maxKeys);
  }

  @Override
  public void delete(String bucket, String key) throws ObjectStoreException {
    store.delete(bucket, key);
  }

  @Override
  public ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException {
    return store.upload(bucket, key, userMetadata);
  }

  @Override
  public void warmUpWrites() {
    store.warmUpWrites();
  }

  @Override
  public void close() {
    store.close();
  }
}
