package cloud.reencrypt.cli;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.fgs.local.follow.WorkerLoop;
import cloud.reencrypt.store.ObjectStore;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code follow-worker}: internal, one worker process of {@code invoke --follow} ({@link
 * WorkerLoop}); left out of the help listing. Its standard output carries the worker protocol only:
 * anything else the process prints goes to stderr.
 */
final class FollowWorkerCommand implements Command {
  static final String NAME = "follow-worker";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "Internal: one worker process of invoke --follow";
  }

  @Override
  public String usage() {
    return """
        Usage: follow-worker [--objects DIR]

        Internal, not in the help listing: one worker process of invoke --follow, which starts
        it with its own java, classpath and environment. Handles the events it reads on stdin,
        one per line, on the directory store DIR (without it, on OBS at OBS_ENDPOINT with
        OBS_ACCESS_KEY_ID / OBS_SECRET_ACCESS_KEY), and reports on stdout each object it commits
        and each result (cloud.reencrypt.fgs.local.follow.WorkerProtocol). Exits when stdin
        ends or the process that started it does.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options options = Options.parse(args, Set.of(StoreOption.NAME));
    ObjectStore objects =
        StoreOption.open(StoreOption.directory(options), Configuration.read(System::getenv, false));
    System.setOut(err);
    // Killing the driver ends its workers: no orphan goes on with an event nobody waits for.
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
    WorkerLoop.run(objects, System.in, out);
    return 0;
  }

  /**
   * The command that starts one worker: this JVM's {@code java}, the running code's location ahead
   * of this JVM's class path (the jar under {@code java -jar}; the classes and their dependencies
   * under a test runner), a JVM that exits when out of memory (a dead instance, as on the
   * platform), and the heap limit when given.
   */
  static List<String> commandLine(Optional<Path> objects, Optional<String> heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    heap.ifPresent(size -> command.add("-Xmx" + size));
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-cp");
    command.add(classPath());
    command.add(Main.class.getName());
    command.add(NAME);
    objects.ifPresent(
        root -> command.addAll(List.of(StoreOption.NAME, root.toAbsolutePath().toString())));
    return command;
  }

  private static String classPath() {
    String classPath = System.getProperty("java.class.path");
    CodeSource source = Main.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return classPath;
    }
    try {
      return Path.of(source.getLocation().toURI()) + File.pathSeparator + classPath;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return classPath;
    }
  }
}
