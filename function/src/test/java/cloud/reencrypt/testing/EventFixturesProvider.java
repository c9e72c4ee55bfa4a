package cloud.reencrypt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/** Finds the event/expected pairs under {@code events/} for {@link EventFixtures}. */
public final class EventFixturesProvider implements ArgumentsProvider {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Stream<? extends Arguments> provideArguments(ExtensionContext context) throws IOException {
    return all().stream().map(Arguments::of);
  }

  /** Every fixture, sorted by name. */
  public static List<EventFixture> all() throws IOException {
    Path events = RepoPaths.events();
    try (Stream<Path> files = Files.walk(events)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> isEvent(events.relativize(f)))
          .sorted()
          .map(f -> load(events, f))
          .toList();
    }
  }

  private static boolean isEvent(Path relative) {
    String name = relative.getFileName().toString();
    return name.endsWith(".json")
        && !name.endsWith(".expected.json")
        && !relative.startsWith("objects")
        && !relative.toString().equals("keystore.json");
  }

  private static EventFixture load(Path events, Path file) {
    String name = events.relativize(file).toString().replace('\\', '/');
    Path expected =
        file.resolveSibling(file.getFileName().toString().replace(".json", ".expected.json"));
    try {
      JsonNode expectedJson = Files.exists(expected) ? JSON.readTree(expected.toFile()) : null;
      return new EventFixture(name, file, JSON.readTree(file.toFile()), expectedJson);
    } catch (IOException e) {
      throw new UncheckedIOException("fixture " + name + " is not valid JSON", e);
    }
  }
}
