package cloud.reencrypt.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times cases whose subject is a whole process ({@link ChildJvm}): each subject run is one sample,
 * its rate taken from the process's own cost; an in-process baseline runs for a round of the clock
 * as in the {@link Meter}. Every workload runs once untimed first (disk cache, JIT of the
 * in-process side); then rounds alternate baseline and subject, and the medians are reported (the
 * ratio is the median of the paired rounds' ratios, as in the {@link Meter}).
 */
final class ProcessMeter {
  private ProcessMeter() {}

  static List<CaseResult> measureAll(
      List<BenchCase> cases, MeterSettings settings, Meter.Progress progress) throws Exception {
    List<CaseResult> results = new ArrayList<>();
    for (BenchCase benchCase : cases) {
      progress.report("warming up " + benchCase.label());
      rate(benchCase.baseline(), settings, settings.warmup().toNanos());
      rate(benchCase.subject(), settings, settings.warmup().toNanos());
      double[] subject = new double[settings.rounds()];
      double[] baseline = new double[settings.rounds()];
      double[] ratios = new double[settings.rounds()];
      for (int i = 0; i < settings.rounds(); i++) {
        // A round of whole processes can take minutes: say which one runs.
        progress.report(
            "measuring " + benchCase.label() + ": round " + (i + 1) + " of " + settings.rounds());
        baseline[i] = rate(benchCase.baseline(), settings, settings.round().toNanos());
        subject[i] = rate(benchCase.subject(), settings, settings.round().toNanos());
        ratios[i] = subject[i] / baseline[i];
      }
      results.add(
          new CaseResult(
              benchCase, Meter.median(subject), Meter.median(baseline), Meter.median(ratios)));
    }
    return results;
  }

  /** One sample: a process run's own rate, or in-process runs for {@code nanos} of the clock. */
  private static double rate(Workload workload, MeterSettings settings, long nanos)
      throws Exception {
    LongSupplier clock = settings.clock().nanos();
    long start = clock.getAsLong();
    Object first = workload.run();
    if (first instanceof ChildJvm.Cost cost) {
      return cost.rate(settings.clock());
    }
    long operations = 1;
    long now = clock.getAsLong();
    while (now - start < nanos) {
      workload.run();
      operations++;
      now = clock.getAsLong();
    }
    return operations * 1e9 / Math.max(1, now - start);
  }
}
