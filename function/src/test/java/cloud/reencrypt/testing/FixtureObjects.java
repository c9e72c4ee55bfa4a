package cloud.reencrypt.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed sample objects under {@code events/objects} that OBS fixtures read, leaving out
 * what local runs of the quick start may have added (outputs under {@code reencrypted/} and the
 * directory store's hidden metadata), so every run starts from the same state.
 */
public final class FixtureObjects {
  /** One sample object: bucket, key, file. */
  public record SampleObject(String bucket, String key, Path file) {}

  private FixtureObjects() {}

  public static List<SampleObject> all() throws IOException {
    Path root = RepoPaths.events().resolve("objects");
    List<SampleObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith(".") || relative.matches("[^/]+/reencrypted(/.*)?")) {
          continue;
        }
        int slash = relative.indexOf('/');
        objects.add(
            new SampleObject(relative.substring(0, slash), relative.substring(slash + 1), file));
      }
    }
    return objects;
  }

  /** Copies the samples into a directory store's layout: bucket B, key K is the file DIR/B/K. */
  public static void copyTo(Path directory) throws IOException {
    for (SampleObject object : all()) {
      Path target = directory.resolve(object.bucket()).resolve(object.key());
      Files.createDirectories(target.getParent());
      Files.copy(object.file(), target);
    }
  }
}
