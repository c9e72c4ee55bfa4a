package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code terraform console} over copies of files of {@code terraform/} that name no provider
 * (variables and locals only), so Terraform itself evaluates them offline, validations included.
 * The variables without a default are always set.
 */
final class TerraformConsole {
  private static final Map<String, String> REQUIRED =
      Map.of(
          "region", "cn-north-4",
          "input_bucket_name", "in-bucket",
          "output_bucket_name", "out-bucket",
          "code_bucket_name", "code-bucket",
          "work_bucket_name", "work-bucket");

  private final Path terraform;
  private final Path module;

  private TerraformConsole(Path terraform, Path module) {
    this.terraform = terraform;
    this.module = module;
  }

  /**
   * A console over copies of {@code files} in {@code module}; empty where no terraform binary is on
   * {@code PATH}.
   */
  static Optional<TerraformConsole> over(Path module, List<String> files) throws IOException {
    Optional<Path> binary = TerraformBinary.find();
    if (binary.isEmpty()) {
      return Optional.empty();
    }
    Path deployment = TerraformConfig.repositoryRoot().resolve("terraform");
    for (String file : files) {
      Files.copy(deployment.resolve(file), module.resolve(file));
    }
    return Optional.of(new TerraformConsole(binary.get(), module));
  }

  /** A required variable's value as the console runs get it. */
  static String required(String name) {
    return REQUIRED.get(name);
  }

  /** The value printed for one expression, without the quotes around a string. */
  String evaluate(Map<String, String> variables, String expression) throws Exception {
    TerraformBinary.Result result = run(variables, expression);
    assertFalse(result.refused(), expression + ":\n" + result.output());
    List<String> lines =
        result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String value = lines.get(lines.size() - 1);
    return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }

  /** One expression with the given variables (and the required ones). */
  TerraformBinary.Result run(Map<String, String> variables, String expression)
      throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(REQUIRED);
    all.putAll(variables);
    return TerraformBinary.console(terraform, module, all, expression);
  }
}
