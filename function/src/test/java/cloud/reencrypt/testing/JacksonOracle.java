package cloud.reencrypt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Jackson as an independent reader of the JSON our code writes: tests parse output text with it
 * rather than with our own parser, so a fault shared by our parser and writer cannot hide itself.
 */
public final class JacksonOracle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JacksonOracle() {}

  /** The JSON text as a Jackson tree. */
  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not valid JSON: " + json, e);
    }
  }

  /** The UTF-8 JSON bytes as a Jackson tree. */
  public static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not valid JSON", e);
    }
  }

  /** The JSON file as a Jackson tree. */
  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not valid JSON", e);
    }
  }

  /**
   * A plain-value tree (maps, lists, strings, numbers, booleans) as a Jackson tree, through its
   * text so numbers get the node types {@link #read(String)} gives them: 200 is an int node whether
   * it was an Integer or a Long.
   */
  public static JsonNode tree(Object plainValue) {
    try {
      return read(JSON.writeValueAsString(plainValue));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
