package cloud.reencrypt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a class of this tool in a fresh JVM (same {@code java}, same jar) and measures what the
 * whole process costs: wall time, and CPU time read from {@code /proc/self/stat}'s counters of
 * waited-for children ({@code cutime} + {@code cstime}, in clock ticks of 10 ms), so a busy shared
 * machine does not inflate the numbers. Without {@code /proc} the CPU cost falls back to wall time.
 */
final class ChildJvm {
  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final Path STAT = Path.of("/proc/self/stat");

  private final Map<String, String> environment;
  private final Set<String> cleared;

  ChildJvm(Map<String, String> environment) {
    this(environment, Set.of());
  }

  /**
   * @param cleared variables removed from the inherited environment before {@code environment} is
   *     added, so that the caller's shell cannot change what is measured
   */
  ChildJvm(Map<String, String> environment, Set<String> cleared) {
    this.environment = environment;
    this.cleared = cleared;
  }

  /**
   * What one process run cost.
   *
   * @param operations how many operations the run did (1 for an invoke, the lines of a manifest)
   */
  record Cost(long wallNanos, long cpuNanos, long operations, String stdout) {
    /** Operations per second on the clock. */
    double rate(CostClock clock) {
      return operations * 1e9 / Math.max(1, clock == CostClock.WALL ? wallNanos : cpuNanos);
    }

    Cost times(long count) {
      return new Cost(wallNanos, cpuNanos, count, stdout);
    }
  }

  /** Runs {@code mainClass} with JVM options and arguments; fails unless it exits 0. */
  Cost run(List<String> jvmOptions, String mainClass, List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeAll(cleared);
    builder.environment().putAll(environment);
    long cpuBefore = childrenCpuNanos();
    long start = System.nanoTime();
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    long wall = System.nanoTime() - start;
    if (status != 0) {
      throw new IllegalStateException(mainClass + " " + args + " exited " + status);
    }
    long cpu = childrenCpuNanos() - cpuBefore;
    return new Cost(wall, cpuBefore < 0 ? wall : cpu, 1, stdout);
  }

  /** CPU time of this process's waited-for children, or -1 without {@code /proc}. */
  static long childrenCpuNanos() throws IOException {
    if (!Files.isReadable(STAT)) {
      return -1;
    }
    String stat = Files.readString(STAT);
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // Fields after "(comm)": state is 3; cutime and cstime are fields 16 and 17 of the whole line.
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK;
  }
}
