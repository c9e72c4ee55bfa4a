package cloud.reencrypt.cli;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.wiring.ObsStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code --objects DIR} option of the commands that touch objects: the directory store DIR
 * (bucket B is DIR/B), or without it OBS at {@code OBS_ENDPOINT} with {@code OBS_ACCESS_KEY_ID} and
 * {@code OBS_SECRET_ACCESS_KEY}.
 */
final class StoreOption {
  static final String NAME = "--objects";

  private StoreOption() {}

  /** The {@code --objects} directory, when given. */
  static Optional<Path> directory(Options options) throws UsageException {
    if (options.get(NAME).isEmpty()) {
      return Optional.empty();
    }
    Path root = Path.of(options.get(NAME).get());
    if (!Files.isDirectory(root)) {
      throw new UsageException(NAME + ": '" + root + "' is not a directory");
    }
    return Optional.of(root);
  }

  /**
   * The directory store at {@code root}, or OBS from the configuration without one; a missing
   * {@code OBS_ENDPOINT} is reported with this option as the alternative, whichever command runs.
   */
  static ObjectStore open(Optional<Path> root, Configuration configuration) {
    return root.map(ObjectStores::directory)
        .orElseGet(
            () ->
                ObsStores.forInvocation(
                    configuration, Optional.empty(), "to reach OBS (or give " + NAME + " DIR)"));
  }
}
