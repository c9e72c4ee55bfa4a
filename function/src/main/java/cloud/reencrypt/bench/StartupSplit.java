package cloud.reencrypt.bench;

import java.util.List;

/**
 * Times the split rows of {@code bench coldstart}: rounds of a {@link StartupSplitMain} child JVM,
 * each reporting its initializer, its first request and its warm request (median of requests 50 to
 * 100); the rows are the medians over rounds. Both sides of the ratio come from the same process,
 * so no alternation with another workload is needed.
 */
final class StartupSplit {
  /** What the first request after the initializer should reach: a third of a warm request. */
  static final double TARGET = 1.0 / 3;

  /** The rows' workloads: the child JVM times itself, so there is nothing to run here. */
  private static final Workload TIMED_IN_CHILD = () -> Boolean.TRUE;

  private final String label;
  private final ChildJvm jvm;
  private final List<String> args;

  /**
   * @param label what the rows are of, e.g. "APIG re-encrypt, KMS SDK → serve"
   * @param args {@link StartupSplitMain}'s arguments
   */
  StartupSplit(String label, ChildJvm jvm, List<String> args) {
    this.label = label;
    this.jvm = jvm;
    this.args = args;
  }

  /** Two rows: the initializer alone, and the first request against the warm request. */
  List<CaseResult> measure(int rounds, Runnable beforeEachRun, Meter.Progress progress)
      throws Exception {
    progress.report("measuring initializer, first and warm request: " + label);
    run(beforeEachRun);
    double[] initializer = new double[rounds];
    double[] first = new double[rounds];
    double[] warm = new double[rounds];
    double[] ratio = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long[] nanos = run(beforeEachRun);
      initializer[i] = 1e9 / nanos[0];
      first[i] = 1e9 / nanos[1];
      warm[i] = 1e9 / nanos[2];
      ratio[i] = first[i] / warm[i];
    }
    return rows(initializer, first, warm, ratio);
  }

  /** The initializer's row, then the first request's row against the warm request. */
  private List<CaseResult> rows(
      double[] initializer, double[] first, double[] warm, double[] ratio) {
    return List.of(
        new CaseResult(
            BenchCase.alone("initializer (construct + initializer), " + label, TIMED_IN_CHILD),
            Meter.median(initializer),
            Double.NaN,
            Double.NaN),
        new CaseResult(
            BenchCase.against(
                "first request after the initializer, " + label,
                TIMED_IN_CHILD,
                "warm request (median of requests 50–100)",
                TIMED_IN_CHILD,
                TARGET),
            Meter.median(first),
            Meter.median(warm),
            Meter.median(ratio)));
  }

  private long[] run(Runnable beforeEachRun) throws Exception {
    beforeEachRun.run();
    String out = jvm.run(List.of(), StartupSplitMain.class.getName(), args).stdout().trim();
    String[] fields = out.substring(out.lastIndexOf('\n') + 1).split(" ");
    return new long[] {
      Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])
    };
  }
}
