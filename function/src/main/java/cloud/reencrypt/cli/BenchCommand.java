package cloud.reencrypt.cli;

import cloud.reencrypt.bench.BenchCase;
import cloud.reencrypt.bench.BenchSuite;
import cloud.reencrypt.bench.BenchSuites;
import cloud.reencrypt.bench.CaseResult;
import cloud.reencrypt.bench.CostClock;
import cloud.reencrypt.bench.LoadMeter;
import cloud.reencrypt.bench.LoadResult;
import cloud.reencrypt.bench.LoadSuite;
import cloud.reencrypt.bench.LoadTable;
import cloud.reencrypt.bench.MeterSettings;
import cloud.reencrypt.bench.ResultTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench <suite> [--warmup S] [--round S] [--rounds N]}: runs one benchmark suite on one
 * thread and prints its Markdown table on stdout (progress on stderr).
 */
final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "Measure throughput (ops/s) of a benchmark suite, e.g. bench engine";
  }

  @Override
  public String usage() {
    MeterSettings d = MeterSettings.DEFAULT;
    StringBuilder text =
        new StringBuilder(
            "Usage: java -jar function/target/reencrypt-function.jar bench <suite>"
                + " [--warmup TIME] [--round TIME] [--rounds N] [--clock cpu|wall]\n\n"
                + "Warms every workload up, then times N alternating rounds of each case and its"
                + " baseline\non one thread; prints median ops/s, and the median ratio of paired"
                + " rounds, as a\nMarkdown table on stdout (progress on stderr). --clock cpu counts"
                + " operations\nper CPU-second, so other processes on a shared machine do not skew"
                + " the numbers;\n--clock wall per elapsed second. Each suite has its own default"
                + " clock (below).\nTIME is seconds, or milliseconds with an ms suffix.\nDefaults:"
                + " --warmup "
                + d.warmup().toSeconds()
                + " --round "
                + d.round().toMillis()
                + "ms --rounds "
                + d.rounds()
                + ".\n\nSuites (default clock):\n");
    for (BenchSuite suite : BenchSuites.all(Main.class.getName())) {
      text.append(
          String.format(
              "  %-10s %s (%s)%n",
              suite.name(), suite.summary(), suite.defaultClock().name().toLowerCase(Locale.ROOT)));
    }
    return text.toString();
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    BenchArguments arguments = BenchArguments.parse(args);
    BenchSuite suite =
        BenchSuites.named(Main.class.getName(), arguments.suite())
            .orElseThrow(() -> new UsageException("unknown suite " + arguments.suite()));
    MeterSettings settings = arguments.settings(suite);
    Path workDir = Files.createTempDirectory("reencrypt-bench-");
    try {
      err.println("bench " + suite.name() + ": preparing");
      if (suite instanceof LoadSuite load) {
        return runLoad(load, workDir, settings, out, err);
      }
      List<CaseResult> results =
          suite.measure(
              workDir, settings, step -> err.println("bench " + suite.name() + ": " + step));
      out.println(environment(settings));
      out.println();
      out.print(ResultTable.markdown(results));
      return 0;
    } finally {
      deleteTree(workDir);
    }
  }

  /** A suite under concurrent load: its own meter and table, and its server stopped after. */
  private static int runLoad(
      LoadSuite suite, Path workDir, MeterSettings settings, PrintStream out, PrintStream err)
      throws Exception {
    try (suite) {
      List<BenchCase> cases = suite.prepare(workDir);
      List<LoadResult> results =
          new LoadMeter(settings, suite)
              .measureAll(cases, step -> err.println("bench " + suite.name() + ": " + step));
      out.println(
          String.format(
              "Java %s, %d CPUs, %s concurrent clients; warm-up %d ms per workload, medians of %d"
                  + " rounds of %d ms (ratio: median of paired rounds); requests per wall-clock"
                  + " second; load average %.1f at the end.",
              Runtime.version(),
              Runtime.getRuntime().availableProcessors(),
              suite.clients(),
              settings.warmup().toMillis(),
              settings.rounds(),
              settings.round().toMillis(),
              java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  .getSystemLoadAverage()));
      out.println();
      out.print(LoadTable.markdown(results));
      return 0;
    }
  }

  private static String environment(MeterSettings settings) {
    return String.format(
        "Java %s, %d CPUs, one thread; warm-up %d ms per workload, medians of %d rounds of %d ms"
            + " (ratio: median of paired rounds); ops per %s second.",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        settings.warmup().toMillis(),
        settings.rounds(),
        settings.round().toMillis(),
        settings.clock() == CostClock.CPU ? "CPU" : "wall-clock");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
