package cloud.reencrypt.store;

import java.nio.file.Path;

/**
 * The local stores. The OBS store is built by {@code store.obs.ObsObjectStore#connect}, called by
 * the composition root ({@code fgs.ObsStores}) only: this package never imports {@code store.obs},
 * so the two do not form a cycle, and local runs on a directory never load the OBS SDK.
 */
public final class ObjectStores {
  private ObjectStores() {}

  /** Objects as files under {@code root}: bucket {@code B}, key {@code K} is {@code root/B/K}. */
  public static ObjectStore directory(Path root) {
    return new DirectoryObjectStore(root);
  }
}
