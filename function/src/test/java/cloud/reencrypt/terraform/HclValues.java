package cloud.reencrypt.terraform;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading values out of hcl4j's parse. A reference ({@code huaweicloud_obs_bucket.input.bucket})
 * arrives as a {@code VariableTree} symbol, or, inside {@code jsonencode(...)}, as a JSON object
 * {@code {"symbolName":"VariableTree","name":...}}; {@code jsonencode} itself arrives as the JSON
 * text hcl4j produced.
 */
final class HclValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VARIABLE_TREE = "VariableTree";

  private HclValues() {}

  /** The dotted name of a reference, or empty when the value is not one. */
  static Optional<String> reference(Object value) {
    if (value instanceof VariableTree tree) {
      return Optional.of(tree.getName());
    }
    if (value instanceof JsonNode node && VARIABLE_TREE.equals(node.path("symbolName").asText())) {
      return Optional.of(node.path("name").asText());
    }
    return Optional.empty();
  }

  /** The dotted name of a reference, failing with the attribute's name when it is not one. */
  static String requireReference(Object value, String what) {
    return reference(value)
        .orElseThrow(() -> new AssertionError(what + " is not a reference: " + value));
  }

  /** The object of a {@code jsonencode(...)} attribute. */
  static JsonNode json(Object value, String what) {
    if (!(value instanceof String text)) {
      throw new AssertionError(what + " is not jsonencode(...) output: " + value);
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(what + " is not JSON", e);
    }
  }

  /** A nested block as a list: one map when the block appears once, several when repeated. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> blocks(Object value) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    if (value instanceof Map<?, ?> single) {
      blocks.add((Map<String, Object>) single);
    } else if (value instanceof List<?> repeated) {
      repeated.forEach(item -> blocks.addAll(blocks(item)));
    }
    return blocks;
  }

  /** The strings of a JSON array (or of a single JSON string). */
  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> values.add(item.asText()));
    } else if (node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }
}
