package cloud.reencrypt.terraform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code terraform} binary on {@code PATH}, where there is one, run offline. */
final class TerraformBinary {
  private TerraformBinary() {}

  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "terraform"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Exit code and combined output of a command. */
  record Result(int exitCode, String output) {
    /**
     * Whether terraform reported an error. {@code console} prints a refused variable's validation
     * error and still exits 0, so the output is what tells.
     */
    boolean refused() {
      return exitCode != 0 || output.contains("Error: ");
    }
  }

  /** Runs terraform in a directory; stdin gets {@code input}. */
  static Result run(Path terraform, Path directory, String input, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(terraform.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.redirectErrorStream(true);
    // Offline: no version check against HashiCorp, no CLI configuration needed.
    builder.environment().put("CHECKPOINT_DISABLE", "1");
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  /**
   * {@code terraform console} in a directory of provider-free files (variables and locals only),
   * evaluating one expression with the given variables.
   */
  static Result console(
      Path terraform, Path directory, Map<String, String> variables, String expression)
      throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("console"));
    variables.forEach((name, value) -> arguments.add("-var=" + name + "=" + value));
    return run(terraform, directory, expression + "\n", arguments);
  }
}
