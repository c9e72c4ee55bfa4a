package cloud.reencrypt.testing;

import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.StoredObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A real store seen as an instance sees it in a chain of invocations: every object it commits is
 * reported (FunctionGraph would deliver an object-created event for it), and, for crash injection,
 * the instance can die at its Nth store operation. A {@link Crash} is an {@link Error}, so no
 * handler code catches it: what the store held at that moment is what a killed instance leaves.
 */
public final class ChainStore implements ObjectStore {
  /** The death of an instance at a store operation. */
  public static final class Crash extends Error {
    Crash(long operation, String name) {
      super(
          "crash injected at store operation " + operation + " (" + name + ")", null, false, false);
    }
  }

  /** When an instance dies. */
  @FunctionalInterface
  public interface CrashPlan {
    CrashPlan NONE = (operation, name) -> false;

    /**
     * @param operation the store operation's number, from 1
     * @param name the operation: open, head, list, delete, compose, upload, append or publish
     */
    boolean crashes(long operation, String name);

    /** At the given operation; 0 for never. */
    static CrashPlan at(long operation) {
      return (number, name) -> number == operation;
    }

    /** At the first operation of this name. */
    static CrashPlan on(String operation) {
      return (number, name) -> name.equals(operation);
    }

    /**
     * At the {@code later}th operation counted from the first of this name (0: that operation
     * itself): for crashes during and after an assembly.
     */
    static CrashPlan after(String operation, long later) {
      long[] first = {0};
      return (number, name) -> {
        if (first[0] == 0 && name.equals(operation)) {
          first[0] = number;
        }
        return first[0] > 0 && number == first[0] + later;
      };
    }
  }

  private final ObjectStore store;
  private final Consumer<ObjectInfo> committed;
  private final CrashPlan plan;
  private final AtomicLong operations = new AtomicLong();

  /**
   * @param committed told of every object committed
   */
  public ChainStore(ObjectStore store, Consumer<ObjectInfo> committed, CrashPlan plan) {
    this.store = store;
    this.committed = committed;
    this.plan = plan;
  }

  /** Store operations so far, content writes included. */
  public long operations() {
    return operations.get();
  }

  private void step(String name) {
    long operation = operations.incrementAndGet();
    if (plan.crashes(operation, name)) {
      throw new Crash(operation, name);
    }
  }

  @Override
  public StoredObject open(String bucket, String key) throws ObjectStoreException {
    step("open");
    return store.open(bucket, key);
  }

  @Override
  public StoredObject open(String bucket, String key, long offset, long length)
      throws ObjectStoreException {
    step("open");
    return store.open(bucket, key, offset, length);
  }

  @Override
  public Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException {
    step("head");
    return store.head(bucket, key);
  }

  @Override
  public ListPage list(String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException {
    step("list");
    return store.list(bucket, prefix, marker, maxKeys);
  }

  @Override
  public void delete(String bucket, String key) throws ObjectStoreException {
    step("delete");
    store.delete(bucket, key);
  }

  @Override
  public ObjectInfo compose(
      String bucket, String key, Map<String, String> userMetadata, List<ObjectInfo> parts)
      throws IOException {
    step("compose");
    ObjectInfo info = store.compose(bucket, key, userMetadata, parts);
    committed.accept(info);
    return info;
  }

  @Override
  public ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException {
    step("upload");
    ObjectUpload inner = store.upload(bucket, key, userMetadata);
    return new ObjectUpload() {
      @Override
      protected void append(byte[] bytes, int offset, int length) throws IOException {
        step("append");
        inner.stream().write(bytes, offset, length);
      }

      @Override
      protected ObjectInfo publish() throws IOException {
        step("publish");
        ObjectInfo info = inner.commit();
        committed.accept(info);
        return info;
      }

      @Override
      protected void discard() {
        inner.abort();
      }
    };
  }

  @Override
  public void close() {}
}
