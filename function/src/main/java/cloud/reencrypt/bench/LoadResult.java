package cloud.reencrypt.bench;

/**
 * One case at one client count, as {@link LoadMeter} measured it.
 *
 * @param baseline null when the case has no baseline
 * @param ratio the median over paired rounds of subject ÷ baseline requests/s; NaN without one
 * @param targeted whether the suite's targets apply to this row
 */
public record LoadResult(
    BenchCase benchCase,
    int clients,
    Rate subject,
    Rate baseline,
    double ratio,
    boolean targeted,
    double minOpsPerSecond) {

  /**
   * Median requests per wall-clock second over the rounds, and latency percentiles over every
   * request of every round.
   */
  public record Rate(double opsPerSecond, double p50Millis, double p99Millis) {}

  /** Whether both the ratio target and the requests/s floor are reached. */
  public boolean meetsTargets() {
    boolean ratioMet = Double.isNaN(benchCase.targetRatio()) || ratio >= benchCase.targetRatio();
    return ratioMet && subject.opsPerSecond() >= minOpsPerSecond;
  }
}
