package cloud.reencrypt.terraform;

import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code resource}, {@code data} or {@code provider} block as hcl4j parsed it: attributes map
 * to values, a nested block to a map (or a list of maps when repeated).
 */
record TfBlock(Kind kind, String type, String name, Map<String, Object> body, Path file) {

  enum Kind {
    RESOURCE,
    DATA,
    PROVIDER
  }

  /** How Terraform addresses the block, e.g. {@code huaweicloud_fgs_function.api}. */
  String address() {
    return switch (kind) {
      case RESOURCE -> type + "." + name;
      case DATA -> "data." + type + "." + name;
      case PROVIDER -> "provider." + type;
    };
  }

  Object get(String attribute) {
    return body.get(attribute);
  }
}
