package cloud.reencrypt.bench;

import java.time.Duration;

/**
 * How long the {@link Meter} runs: a warm-up per workload (so the JIT has compiled the hot path),
 * then {@code rounds} rounds of {@code round} wall time each, subject and baseline alternating so
 * that background load on a shared machine hits both alike; operations are counted per {@code
 * clock} second.
 */
public record MeterSettings(Duration warmup, Duration round, int rounds, CostClock clock) {
  public static final MeterSettings DEFAULT =
      new MeterSettings(Duration.ofSeconds(3), Duration.ofMillis(300), 21, CostClock.CPU);

  public MeterSettings {
    if (warmup.isNegative() || round.isNegative() || round.isZero() || rounds < 1) {
      throw new IllegalArgumentException("warm-up >= 0, round > 0 and rounds >= 1 required");
    }
  }
}
