package cloud.reencrypt.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every {@code .tf} file of a directory, parsed with hcl4j one file at a time. Parsing per file
 * keeps references to variables and to other files' locals as names rather than values, which is
 * what the checks compare.
 */
final class TerraformConfig {
  private final List<TfBlock> blocks = new ArrayList<>();
  private final Map<String, Object> locals = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();

  private TerraformConfig() {}

  /** The repository root, from the system property surefire sets. */
  static Path repositoryRoot() {
    String root = System.getProperty("reencrypt.repo.root");
    if (root == null) {
      throw new IllegalStateException("system property reencrypt.repo.root is not set");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  /** The project's deployment, {@code terraform/} at the repository root, parsed once per run. */
  static TerraformConfig deployment() {
    return Deployment.CONFIG;
  }

  private static final class Deployment {
    static final TerraformConfig CONFIG = load(repositoryRoot().resolve("terraform"));
  }

  static TerraformConfig load(Path directory) {
    return load(tfFiles(directory));
  }

  static TerraformConfig load(List<Path> files) {
    TerraformConfig config = new TerraformConfig();
    for (Path file : files) {
      config.add(file, parse(file));
    }
    return config;
  }

  static List<Path> tfFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> parse(Path file) {
    try {
      return new HCLParser().parse(file.toFile(), "UTF-8");
    } catch (HCLParserException | IOException e) {
      throw new IllegalStateException("hcl4j cannot parse " + file, e);
    }
  }

  // hcl4j also lists every jsonencode(...) argument under a top-level "jsonencode" key; the
  // attributes themselves carry the same values, so that key is not read.
  @SuppressWarnings("unchecked")
  private void add(Path file, Map<String, Object> parsed) {
    addBlocks(TfBlock.Kind.RESOURCE, parsed.get("resource"), file);
    addBlocks(TfBlock.Kind.DATA, parsed.get("data"), file);
    if (parsed.get("provider") instanceof Map<?, ?> providers) {
      providers.forEach(
          (type, body) ->
              HclValues.blocks(body)
                  .forEach(
                      b ->
                          blocks.add(
                              new TfBlock(TfBlock.Kind.PROVIDER, (String) type, "", b, file))));
    }
    HclValues.blocks(parsed.get("locals")).forEach(locals::putAll);
    if (parsed.get("variable") instanceof Map<?, ?> declared) {
      declared.forEach((name, body) -> variables.put((String) name, (Map<String, Object>) body));
    }
    HclValues.blocks(parsed.get("terraform")).forEach(settings::putAll);
  }

  @SuppressWarnings("unchecked")
  private void addBlocks(TfBlock.Kind kind, Object byType, Path file) {
    if (byType instanceof Map<?, ?> types) {
      types.forEach(
          (type, byName) ->
              ((Map<String, Object>) byName)
                  .forEach(
                      (name, body) ->
                          blocks.add(
                              new TfBlock(
                                  kind, (String) type, name, (Map<String, Object>) body, file))));
    }
  }

  List<TfBlock> blocks() {
    return Collections.unmodifiableList(blocks);
  }

  List<TfBlock> resources(String type) {
    return blocks.stream()
        .filter(b -> b.kind() == TfBlock.Kind.RESOURCE && b.type().equals(type))
        .toList();
  }

  /** The resource a reference such as {@code huaweicloud_obs_bucket.input.bucket} points to. */
  TfBlock resourceReferencedBy(String reference) {
    String[] parts = reference.split("\\.");
    return resources(parts[0]).stream()
        .filter(b -> parts.length > 1 && b.name().equals(parts[1]))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no resource for reference " + reference));
  }

  Object local(String name) {
    if (!locals.containsKey(name)) {
      throw new AssertionError("no local " + name);
    }
    return locals.get(name);
  }

  /** The default of {@code var.name}, empty when it has none. */
  Optional<Object> variableDefault(String name) {
    Map<String, Object> variable = variables.get(name);
    if (variable == null) {
      throw new AssertionError("no variable " + name);
    }
    return Optional.ofNullable(variable.get("default"));
  }

  /** The {@code terraform { ... }} settings, e.g. {@code required_providers}. */
  Map<String, Object> settings() {
    return Collections.unmodifiableMap(settings);
  }
}
