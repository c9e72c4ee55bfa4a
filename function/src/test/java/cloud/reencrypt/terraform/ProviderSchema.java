package cloud.reencrypt.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The snapshot of the provider schemas this deployment uses ({@code
 * src/test/resources/terraform/provider-schema.json}; its {@code _provenance} says where each part
 * comes from), plus the checker's recorded decisions under {@code _checker}.
 */
final class ProviderSchema {
  private static final String SNAPSHOT = "/terraform/provider-schema.json";

  private final JsonNode root;

  private ProviderSchema(JsonNode root) {
    this.root = root;
  }

  static ProviderSchema snapshot() {
    try (InputStream in = ProviderSchema.class.getResourceAsStream(SNAPSHOT)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + SNAPSHOT);
      }
      return new ProviderSchema(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema of the block's type, empty when the snapshot does not know it. */
  Optional<JsonNode> of(TfBlock block) {
    String section =
        switch (block.kind()) {
          case RESOURCE -> "resources";
          case DATA -> "data_sources";
          case PROVIDER -> "providers";
        };
    JsonNode entry = root.path(section).path(block.type());
    return entry.isMissingNode() ? Optional.empty() : Optional.of(entry);
  }

  /** Groups of arguments of which one must be set, e.g. an agency's delegated_* pair. */
  JsonNode exactlyOneOf(String type) {
    return root.path("_checker").path("exactly_one_of").path(type);
  }

  /** Whether an internal (undocumented) argument is allowed, with the reason recorded. */
  boolean internalAllowed(String type, String qualifiedName) {
    return root.path("_checker").path("internal_allowed").has(type + "." + qualifiedName);
  }
}
