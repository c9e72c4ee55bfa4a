package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store's warm-up: the whole write path, in a scratch directory it removes. */
class DirectoryWarmUpTest {
  @TempDir Path scratchParent;

  @Test
  void run_writableScratchParent_writesAnOutputWithItsMetadataAndLeavesNothing()
      throws IOException {
    Optional<ObjectInfo> written = DirectoryWarmUp.run(scratchParent);

    assertTrue(written.isPresent());
    assertEquals("c6a9298b2a95c2cf055b9babcc4b0813", written.get().etag()); // MD5 of "warm-up"
    assertEquals(7, written.get().size());
    assertEquals("warm-up", written.get().userMetadata().get(OutputMetadata.SOURCE_ETAG));
    assertEquals(List.of(), tree(scratchParent));
  }

  @Test
  void run_scratchParentMissing_failsQuietlyAndCreatesNothing() throws IOException {
    Path missing = scratchParent.resolve("missing");

    assertEquals(Optional.empty(), DirectoryWarmUp.run(missing));
    assertEquals(List.of(), tree(scratchParent));
  }

  @Test
  void warmUpWrites_storeWithObjects_leavesItsRootAsItWas(@TempDir Path root) throws IOException {
    Files.createDirectory(root.resolve("bucket"));
    ObjectStore store = ObjectStores.directory(root);
    store.write("bucket", "in/a.txt", Map.of("k", "v"), out -> out.write(1));
    List<String> before = tree(root);

    store.warmUpWrites();

    assertEquals(before, tree(root));
  }

  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(p -> !p.equals(dir))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
