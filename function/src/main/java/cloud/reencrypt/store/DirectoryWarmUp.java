package cloud.reencrypt.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory store's write path run once, in a scratch directory of its own, for an instance's
 * initializer: an object written with an output's metadata, looked up, read back and deleted, as a
 * first object's output is. Measured with {@code bench coldstart}'s split (OBS object on the
 * directory store, 3 runs each): the first object took 54–68 ms without it and 20–30 ms with it, a
 * warm one 9–14 ms. The scratch directory is removed afterwards, so nothing under any store's root
 * is touched or left behind.
 */
final class DirectoryWarmUp {
  private static final String BUCKET = "warm-up";
  private static final String KEY = "reencrypted/warm-up.txt";
  private static final byte[] CONTENT = "warm-up".getBytes(StandardCharsets.US_ASCII);

  /** Fewer left the first object slower in the measurement above; more changed nothing. */
  private static final int ROUNDS = 3;

  private DirectoryWarmUp() {}

  /**
   * Runs the write path in a new directory under {@code scratchParent}, then removes it.
   *
   * @return the last scratch object as written, or empty when a step failed (a warm-up never fails
   *     its caller; the first real write meets any real problem)
   */
  static Optional<ObjectInfo> run(Path scratchParent) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(scratchParent, "reencrypt-warm-up-");
      Files.createDirectory(scratch.resolve(BUCKET));
      ObjectInfo written = null;
      for (int i = 0; i < ROUNDS; i++) {
        written = roundTrip(new DirectoryObjectStore(scratch));
      }
      return Optional.of(written);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } finally {
      removeTree(scratch);
    }
  }

  private static ObjectInfo roundTrip(ObjectStore store) throws IOException {
    Map<String, String> metadata =
        Map.of(OutputMetadata.SOURCE_ETAG, "warm-up", OutputMetadata.DESTINATION_KEY_ID, "warm-up");
    ObjectInfo written = store.write(BUCKET, KEY, metadata, out -> out.write(CONTENT));
    store.head(BUCKET, KEY);
    try (StoredObject object = store.open(BUCKET, KEY);
        InputStream content = object.content()) {
      content.readAllBytes();
    }
    store.delete(BUCKET, KEY);
    return written;
  }

  private static void removeTree(Path scratch) {
    if (scratch == null) {
      return;
    }
    try (Stream<Path> tree = Files.walk(scratch)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Only a scratch directory under the temporary directory is left; nothing depends on it.
    }
  }
}
