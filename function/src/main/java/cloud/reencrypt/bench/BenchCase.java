package cloud.reencrypt.bench;

/**
 * One row of a suite: a workload, and optionally the baseline it is compared with and the ratio
 * (subject ops/s ÷ baseline ops/s) it should reach.
 *
 * @param baseline null for a row measured alone
 * @param targetRatio the ratio to reach, or {@link Double#NaN} for none
 */
public record BenchCase(
    String label, Workload subject, String baselineLabel, Workload baseline, double targetRatio) {

  /** A row measured alone, with no baseline. */
  public static BenchCase alone(String label, Workload subject) {
    return new BenchCase(label, subject, null, null, Double.NaN);
  }

  /** A row compared with a baseline, with the ratio it should reach. */
  public static BenchCase against(
      String label, Workload subject, String baselineLabel, Workload baseline, double target) {
    return new BenchCase(label, subject, baselineLabel, baseline, target);
  }
}
