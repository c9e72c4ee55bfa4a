package cloud.reencrypt.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times workloads under concurrent load: {@code clients} threads each call the workload in a closed
 * loop (next call as soon as the previous answers) for one round of wall time. Every workload is
 * warmed up first at the highest client count; then each case, at each client count, runs its
 * rounds with baseline and subject alternating, as {@link Meter} does on one thread. Throughput is
 * per wall-clock second (what a caller sees), the case's rate the median over its rounds, the ratio
 * the median of paired rounds; latency percentiles cover every request of every round. A batched
 * case ({@link BenchCase#batched}) counts its runs' operations instead, runs at its own client
 * count and is compared with the baseline at the suite's target count only.
 */
public final class LoadMeter {
  private final MeterSettings settings;
  private final LoadSuite suite;

  public LoadMeter(MeterSettings settings, LoadSuite suite) {
    this.settings = settings;
    this.suite = suite;
  }

  public List<LoadResult> measureAll(List<BenchCase> cases, Meter.Progress progress)
      throws Exception {
    int most = suite.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
    ExecutorService threads = Executors.newFixedThreadPool(most);
    try {
      for (BenchCase benchCase : cases) {
        progress.report("warming up " + benchCase.label());
        warmUp(benchCase, most, threads);
      }
      List<LoadResult> results = new ArrayList<>();
      for (BenchCase benchCase : cases) {
        List<Integer> counts =
            benchCase.subjectClients() > 0 ? List.of(suite.targetClients()) : suite.clients();
        for (int clients : counts) {
          progress.report("measuring " + benchCase.label() + ", " + clients + " clients");
          results.add(measure(benchCase, clients, threads));
        }
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  /** One round of warm-up at the highest client count (or the subject's own). */
  private void warmUp(BenchCase benchCase, int most, ExecutorService threads) throws Exception {
    long nanos = settings.warmup().toNanos();
    round(benchCase.subject(), subjectClients(benchCase, most), nanos, threads, new Latencies());
    if (benchCase.baseline() != null) {
      round(benchCase.baseline(), most, nanos, threads, new Latencies());
    }
  }

  private LoadResult measure(BenchCase benchCase, int clients, ExecutorService threads)
      throws Exception {
    boolean compared = benchCase.baseline() != null;
    long nanos = settings.round().toNanos();
    double[] subject = new double[settings.rounds()];
    double[] baseline = new double[settings.rounds()];
    double[] ratios = new double[settings.rounds()];
    Latencies subjectLatencies = new Latencies();
    Latencies baselineLatencies = new Latencies();
    int own = subjectClients(benchCase, clients);
    for (int i = 0; i < settings.rounds(); i++) {
      baseline[i] =
          compared
              ? round(benchCase.baseline(), clients, nanos, threads, baselineLatencies)
              : Double.NaN;
      subject[i] =
          benchCase.units() * round(benchCase.subject(), own, nanos, threads, subjectLatencies);
      ratios[i] = subject[i] / baseline[i];
    }
    boolean targeted = clients == suite.targetClients() && !Double.isNaN(benchCase.targetRatio());
    return new LoadResult(
        benchCase,
        clients,
        subjectLatencies.rate(Meter.median(subject)),
        compared ? baselineLatencies.rate(Meter.median(baseline)) : null,
        compared ? Meter.median(ratios) : Double.NaN,
        targeted,
        targeted ? suite.minOpsPerSecond() : 0);
  }

  /** The subject's client count: its own when it has one (a manifest), else the baseline's. */
  private static int subjectClients(BenchCase benchCase, int clients) {
    return benchCase.subjectClients() > 0 ? benchCase.subjectClients() : clients;
  }

  /** One round: requests per wall-clock second, each request's latency added to {@code into}. */
  private static double round(
      Workload workload, int clients, long nanos, ExecutorService threads, Latencies into)
      throws Exception {
    long start = System.nanoTime();
    long deadline = start + nanos;
    List<Future<long[]>> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      loops.add(threads.submit(() -> closedLoop(workload, deadline)));
    }
    long requests = 0;
    for (Future<long[]> loop : loops) {
      long[] latencies = loop.get();
      into.add(latencies);
      requests += latencies.length;
    }
    return requests * 1e9 / (System.nanoTime() - start);
  }

  /** Calls the workload until the deadline; returns each call's latency in nanoseconds. */
  private static long[] closedLoop(Workload workload, long deadline) throws Exception {
    long[] latencies = new long[1024];
    int count = 0;
    for (long now = System.nanoTime(); now < deadline || count == 0; ) {
      workload.run();
      long done = System.nanoTime();
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = done - now;
      now = done;
    }
    return Arrays.copyOf(latencies, count);
  }

  /** Every latency of a case's rounds, for percentiles. */
  private static final class Latencies {
    private final List<long[]> parts = new ArrayList<>();

    void add(long[] part) {
      parts.add(part);
    }

    LoadResult.Rate rate(double opsPerSecond) {
      long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new LoadResult.Rate(opsPerSecond, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double fraction) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }
  }
}
