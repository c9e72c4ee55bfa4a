package cloud.reencrypt.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times workloads on the calling thread. Every workload of a suite is warmed up first (so the JIT
 * has settled before any round counts), then each case runs its rounds, baseline and subject
 * alternating; a case's result is the median ops/s over its rounds, robust to a round disturbed by
 * other processes. Durations and rates are on the settings' {@link CostClock}.
 */
public final class Meter {
  /** A batch long enough that reading the clock costs nothing measurable. */
  private static final long BATCH_NANOS = 2_000_000;

  private final MeterSettings settings;
  private final LongSupplier clock;
  private long sink;

  public Meter(MeterSettings settings) {
    this(settings, settings.clock().nanos());
  }

  Meter(MeterSettings settings, LongSupplier clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Warms every workload up, then measures each case. */
  public List<CaseResult> measureAll(List<BenchCase> cases, Progress progress) throws Exception {
    long warmup = settings.warmup().toNanos();
    for (BenchCase benchCase : cases) {
      progress.report("warming up " + benchCase.label());
      run(benchCase.subject(), warmup);
      if (benchCase.baseline() != null) {
        run(benchCase.baseline(), warmup);
      }
    }
    List<CaseResult> results = new ArrayList<>();
    for (BenchCase benchCase : cases) {
      progress.report("measuring " + benchCase.label());
      results.add(measure(benchCase));
    }
    return results;
  }

  /**
   * Rounds alternating baseline and subject: the median rates, and the median of the ratios of
   * adjacent rounds (a pair runs close in time, so it shares the machine's conditions).
   */
  CaseResult measure(BenchCase benchCase) throws Exception {
    boolean compared = benchCase.baseline() != null;
    long round = settings.round().toNanos();
    double[] subject = new double[settings.rounds()];
    double[] baseline = new double[settings.rounds()];
    double[] ratios = new double[settings.rounds()];
    for (int i = 0; i < settings.rounds(); i++) {
      baseline[i] = compared ? run(benchCase.baseline(), round) : Double.NaN;
      subject[i] = run(benchCase.subject(), round);
      ratios[i] = subject[i] / baseline[i];
    }
    return new CaseResult(
        benchCase,
        median(subject),
        compared ? median(baseline) : Double.NaN,
        compared ? median(ratios) : Double.NaN);
  }

  /**
   * Runs the workload for at least {@code nanos} on the clock (at least once); returns operations
   * per clock second. The clock is read once per batch, and batches grow until they last {@link
   * #BATCH_NANOS}, because a CPU-time read is a system call.
   */
  private double run(Workload workload, long nanos) throws Exception {
    long start = clock.getAsLong();
    long now = start;
    long operations = 0;
    long batch = 1;
    while (operations == 0 || now - start < nanos) {
      long batchStart = now;
      for (long i = 0; i < batch; i++) {
        Object result = workload.run();
        sink += result == null ? 0 : 1;
      }
      operations += batch;
      now = clock.getAsLong();
      if (now - batchStart < BATCH_NANOS) {
        batch *= 2;
      }
    }
    return operations * 1e9 / Math.max(1, now - start);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** How many non-null results the workloads returned (keeps their work observable). */
  long results() {
    return sink;
  }

  /** Receives one line per step, for a progress display. */
  @FunctionalInterface
  public interface Progress {
    void report(String step);
  }
}
