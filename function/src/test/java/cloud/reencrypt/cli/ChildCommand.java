package cloud.reencrypt.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A subcommand run as its own JVM ({@code java cloud.reencrypt.cli.Main ...} on the test class
 * path), with an environment the test controls exactly: what {@code java -jar ... serve} or {@code
 * start-api} does in a terminal, including the SDK reading its credentials from the environment.
 * Stopping it sends SIGTERM, which runs the command's shutdown hook as Ctrl-C would.
 */
final class ChildCommand implements AutoCloseable {
  private final Process process;
  private final BufferedReader stdout;
  private String url;

  private ChildCommand(Process process) {
    this.process = process;
    this.stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts {@code Main args} with only the given variables (plus PATH), its home directory in
   * {@code home} (so no credentials file of the machine's is read), and waits for its ready line.
   *
   * @return the running command
   * @throws IllegalStateException if it exits before printing a line starting with {@code ready}
   */
  static ChildCommand start(Path home, Map<String, String> env, String ready, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.home=" + home);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().putAll(env);
    ChildCommand child = new ChildCommand(builder.start());
    try {
      child.awaitLine(ready);
    } catch (IOException | RuntimeException e) {
      child.process.destroyForcibly();
      throw e;
    }
    return child;
  }

  /** The ready line's URL: its first {@code http://} word. */
  String url() {
    return url;
  }

  private void awaitLine(String prefix) throws IOException {
    for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
      if (line.startsWith(prefix)) {
        for (String word : line.split(" ")) {
          if (word.startsWith("http://")) {
            url = word;
          }
        }
        return;
      }
    }
    throw new IllegalStateException("the command ended without printing '" + prefix + "'");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
