package cloud.reencrypt.bench;

import java.nio.file.Path;
import java.util.List;

/** A named set of benchmark cases, selected by {@code bench <name>}. */
public interface BenchSuite {
  /** The word after {@code bench}. */
  String name();

  /** One line for {@code bench --help}. */
  String summary();

  /**
   * The clock used unless {@code --clock} names one: CPU time for in-process throughput, which
   * other load on a shared machine then does not skew.
   */
  default CostClock defaultClock() {
    return CostClock.CPU;
  }

  /**
   * Builds the cases: keys, files and inputs are made here, outside any timing.
   *
   * @param workDir an empty private directory, deleted after the run
   */
  List<BenchCase> prepare(Path workDir) throws Exception;

  /**
   * Measures the suite. The default prepares the cases and times them with the {@link Meter} in
   * this JVM; suites that time whole processes ({@code coldstart}, {@code manifest}) override it.
   *
   * @param workDir an empty private directory, deleted after the run
   */
  default List<CaseResult> measure(Path workDir, MeterSettings settings, Meter.Progress progress)
      throws Exception {
    return new Meter(settings).measureAll(prepare(workDir), progress);
  }
}
