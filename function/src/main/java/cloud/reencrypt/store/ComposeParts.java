package cloud.reencrypt.store;

import java.util.List;
import java.util.Objects;

/** The rule every {@link ObjectStore#compose} keeps before it reads or writes anything. */
public final class ComposeParts {
  private ComposeParts() {}

  /**
   * Refuses a part list that names the object being composed. Whether a store streams or copies, it
   * starts writing the target while it still has parts to read: a part that is the target would be
   * read while it is replaced (copied from an object that is itself the upload on OBS, or read from
   * the old file or the new one locally), and a repeated compose would feed on its own earlier
   * result. Either could lose the object, so it is an argument error, not a race to win.
   *
   * @throws ObjectStoreException {@code INVALID_ARGUMENT} if a part is {@code bucket/key}
   */
  public static void refuseTarget(String bucket, String key, List<ObjectInfo> parts)
      throws ObjectStoreException {
    for (ObjectInfo part : parts) {
      Objects.requireNonNull(part, "part");
      if (part.bucket().equals(bucket) && part.key().equals(key)) {
        throw ObjectStoreException.invalidArgument(
            "cannot compose object "
                + ObjectStoreException.location(bucket, key)
                + " from parts that include itself");
      }
    }
  }
}
