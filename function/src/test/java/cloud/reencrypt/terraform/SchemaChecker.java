package cloud.reencrypt.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a block against the provider schema snapshot: the type is known and not deprecated, every
 * attribute and nested block exists, nothing set is computed-only, deprecated or internal (unless
 * the snapshot's {@code _checker} allows it, with a reason), and every required argument is set,
 * counting the ones only the documentation calls required.
 */
final class SchemaChecker {
  private static final Set<String> META_ARGUMENTS =
      Set.of("count", "for_each", "depends_on", "provider", "lifecycle", "provisioner");

  private final ProviderSchema schema;

  SchemaChecker(ProviderSchema schema) {
    this.schema = schema;
  }

  List<String> check(TfBlock block) {
    List<String> problems = new ArrayList<>();
    schema
        .of(block)
        .ifPresentOrElse(
            entry -> {
              if (entry.has("_deprecated_resource")) {
                problems.add(block.address() + ": deprecated resource type");
              }
              new Walk(block, entry, problems).body("", block.body());
            },
            () -> problems.add(block.address() + ": type not in the provider schema snapshot"));
    return problems;
  }

  /** One block's walk; {@code path} is the dotted path of the nested block being read. */
  private final class Walk {
    private final TfBlock block;
    private final JsonNode entry;
    private final List<String> problems;

    Walk(TfBlock block, JsonNode entry, List<String> problems) {
      this.block = block;
      this.entry = entry;
      this.problems = problems;
    }

    void body(String path, Map<String, Object> body) {
      body.forEach((key, value) -> member(path, key, value));
      requiredMembers(path, body);
    }

    private void member(String path, String key, Object value) {
      if (path.isEmpty() && META_ARGUMENTS.contains(key)) {
        return;
      }
      if (key.equals("dynamic")) {
        HclValues.blocks(value)
            .forEach(d -> d.forEach((name, spec) -> dynamicBlock(path, name, spec)));
        return;
      }
      String qualified = qualify(path, key);
      JsonNode mode = attributes(path).get(key);
      if (mode != null) {
        attribute(qualified, mode.asText());
      } else if (entry.path("blocks").has(qualified)) {
        nestedBlock(qualified, value);
      } else {
        problem("unknown argument or block " + qualified);
      }
    }

    private void dynamicBlock(String path, String name, Object spec) {
      HclValues.blocks(spec).forEach(s -> member(path, name, s.getOrDefault("content", Map.of())));
    }

    private void attribute(String qualified, String mode) {
      if (mode.equals("computed")) {
        problem(qualified + " is computed-only and cannot be set");
      }
      if (entry.path("_deprecated").has(qualified)) {
        problem(qualified + " is deprecated: " + entry.path("_deprecated").get(qualified).asText());
      }
      if (isInternal(qualified) && !schema.internalAllowed(block.type(), qualified)) {
        problem(qualified + " is internal (undocumented)");
      }
    }

    private void nestedBlock(String qualified, Object value) {
      if (entry.path("_block_modes").path(qualified).path("mode").asText().equals("computed")) {
        problem("block " + qualified + " is computed-only and cannot be set");
      }
      HclValues.blocks(value).forEach(nested -> body(qualified, nested));
    }

    private void requiredMembers(String path, Map<String, Object> body) {
      attributes(path)
          .fields()
          .forEachRemaining(
              field -> {
                if (field.getValue().asText().equals("required")
                    && !body.containsKey(field.getKey())) {
                  problem("missing required " + qualify(path, field.getKey()));
                }
              });
      for (JsonNode docRequired : entry.path("_doc_required")) {
        String name = docRequired.asText();
        if (isDirectMember(path, name)
            && !isInternal(name)
            && !setOrAlternative(path, name, body)) {
          problem("missing " + name + " (required by the provider documentation)");
        }
      }
      entry
          .path("_block_modes")
          .fields()
          .forEachRemaining(
              mode -> {
                if (mode.getValue().path("mode").asText().equals("required")
                    && isDirectMember(path, mode.getKey())
                    && !containsMember(path, mode.getKey(), body)) {
                  problem("missing required block " + mode.getKey());
                }
              });
    }

    private boolean setOrAlternative(String path, String name, Map<String, Object> body) {
      if (containsMember(path, name, body)) {
        return true;
      }
      for (JsonNode group : schema.exactlyOneOf(block.type())) {
        List<String> names = HclValues.strings(group);
        if (names.contains(name) && names.stream().anyMatch(body::containsKey)) {
          return true;
        }
      }
      return false;
    }

    private JsonNode attributes(String path) {
      return path.isEmpty() ? entry.path("args") : entry.path("blocks").path(path);
    }

    private boolean isInternal(String qualified) {
      for (JsonNode internal : entry.path("_internal")) {
        if (internal.asText().equals(qualified)) {
          return true;
        }
      }
      return false;
    }

    private void problem(String text) {
      problems.add(block.address() + ": " + text);
    }
  }

  private static String qualify(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Whether a dotted name is a direct member of the block at {@code path}. */
  private static boolean isDirectMember(String path, String qualified) {
    String parent =
        qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
    return parent.equals(path);
  }

  private static boolean containsMember(String path, String qualified, Map<String, Object> body) {
    String key = path.isEmpty() ? qualified : qualified.substring(path.length() + 1);
    return body.containsKey(key);
  }
}
