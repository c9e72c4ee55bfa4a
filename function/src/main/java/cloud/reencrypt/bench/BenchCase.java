package cloud.reencrypt.bench;

/**
 * One row of a suite: a workload, and optionally the baseline it is compared with and the ratio
 * (subject ops/s ÷ baseline ops/s) it should reach.
 *
 * @param baseline null for a row measured alone
 * @param targetRatio the ratio to reach, or {@link Double#NaN} for none
 * @param units operations one run of the subject does (a manifest's lines); 1 for most rows
 * @param subjectClients under load, the subject's own client count whatever the baseline's (a
 *     manifest runs alone, its lines in flight inside it); 0 for the same as the baseline's
 */
public record BenchCase(
    String label,
    Workload subject,
    String baselineLabel,
    Workload baseline,
    double targetRatio,
    long units,
    int subjectClients) {

  /** A row measured alone, with no baseline. */
  public static BenchCase alone(String label, Workload subject) {
    return new BenchCase(label, subject, null, null, Double.NaN, 1, 0);
  }

  /** A row compared with a baseline, with the ratio it should reach. */
  public static BenchCase against(
      String label, Workload subject, String baselineLabel, Workload baseline, double target) {
    return new BenchCase(label, subject, baselineLabel, baseline, target, 1, 0);
  }

  /**
   * A row whose subject does {@code units} operations a run on {@code subjectClients} clients,
   * compared under load with a baseline at the suite's target client count.
   */
  public static BenchCase batched(
      String label,
      Workload subject,
      long units,
      int subjectClients,
      String baselineLabel,
      Workload baseline) {
    return new BenchCase(
        label, subject, baselineLabel, baseline, Double.NaN, units, subjectClients);
  }
}
