package cloud.reencrypt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One committed event and the response it must produce.
 *
 * @param name the event's path under {@code events/}, e.g. {@code apig/re-encrypt-aes-data.json}
 * @param file the event file
 * @param event the event
 * @param expected the expected handler return value ({@code name.expected.json}), or null when the
 *     file is missing (the test then fails)
 */
public record EventFixture(String name, Path file, JsonNode event, JsonNode expected) {
  @Override
  public String toString() {
    return name;
  }
}
