package cloud.reencrypt.bench;

/**
 * The measured numbers of one {@link BenchCase}: median ops/s over the rounds.
 *
 * @param baselineOpsPerSecond {@link Double#NaN} when the case has no baseline
 * @param ratio the median over round pairs of subject ops/s ÷ baseline ops/s; NaN without a
 *     baseline
 */
public record CaseResult(
    BenchCase benchCase, double opsPerSecond, double baselineOpsPerSecond, double ratio) {

  /** True when there is a target and the ratio reaches it. */
  public boolean meetsTarget() {
    return ratio() >= benchCase.targetRatio();
  }
}
