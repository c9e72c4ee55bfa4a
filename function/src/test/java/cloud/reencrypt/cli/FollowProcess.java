package cloud.reencrypt.cli;

import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code invoke --follow} run as its own JVM ({@code java cloud.reencrypt.cli.Main invoke ...} on
 * the test class path), as a terminal runs it: the environment inherited, plus the demo keystore
 * and what the test adds, which its worker processes inherit in turn. Stdout (the report) and
 * stderr (progress and the workers' logs) are collected; stderr can be watched line by line.
 */
final class FollowProcess implements AutoCloseable {
  private final Process process;
  private final CompletableFuture<String> out;
  private final List<String> errLines = new ArrayList<>();
  private final LinkedBlockingQueue<String> unread = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> errDone = new CompletableFuture<>();

  private FollowProcess(Process process) {
    this.process = process;
    this.out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Thread reader = new Thread(this::readErr, "follow-process-err");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code invoke --event EVENT --objects OBJECTS --follow} and the extra arguments. */
  static FollowProcess start(Path event, Path objects, Map<String, String> env, String... extra)
      throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "invoke", "--event", event.toString(), "--objects", objects.toString(), "--follow"));
    args.addAll(List.of(extra));
    return command(env, args);
  }

  /** Starts {@code Main args}: a command that runs a chain, such as {@code sweep}. */
  static FollowProcess command(Map<String, String> env, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString());
    builder.environment().putAll(env);
    return new FollowProcess(builder.start());
  }

  private void readErr() {
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        synchronized (errLines) {
          errLines.add(line);
        }
        unread.add(line);
      }
    } catch (IOException e) {
      // the process ended
    } finally {
      errDone.complete(null);
    }
  }

  /** The driver's process, whose descendants are its workers. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /**
   * Waits for the next stderr line that matches.
   *
   * @throws IllegalStateException when stderr ends first
   */
  Matcher awaitErr(Pattern pattern) throws InterruptedException {
    while (true) {
      String line = unread.poll(1, java.util.concurrent.TimeUnit.SECONDS);
      if (line != null) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return matcher;
        }
      } else if (errDone.isDone() && unread.isEmpty()) {
        throw new IllegalStateException("stderr ended without a line matching " + pattern + err());
      }
    }
  }

  /** Waits for the run to end; its exit status. */
  int waitFor() throws Exception {
    int status = process.waitFor();
    errDone.get();
    return status;
  }

  /** The report printed on stdout. */
  JsonNode report() throws Exception {
    return JacksonOracle.read(out.get());
  }

  /** Everything on stderr so far. */
  String err() {
    synchronized (errLines) {
      return "\n" + String.join("\n", errLines);
    }
  }

  /** Kills whatever is left of the run: workers first, then the driver. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
