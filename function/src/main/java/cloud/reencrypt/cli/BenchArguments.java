package cloud.reencrypt.cli;

import cloud.reencrypt.bench.BenchSuite;
import cloud.reencrypt.bench.CostClock;
import cloud.reencrypt.bench.MeterSettings;
import java.time.Duration;
import java.util.List;

/** The suite name and the meter's settings; a null clock means the suite's own default. */
record BenchArguments(String suite, Duration warmup, Duration round, int rounds, CostClock clock) {
  MeterSettings settings(BenchSuite chosen) {
    return new MeterSettings(warmup, round, rounds, clock == null ? chosen.defaultClock() : clock);
  }

  static BenchArguments parse(List<String> args) throws UsageException {
    String suite = null;
    MeterSettings d = MeterSettings.DEFAULT;
    Duration warmup = d.warmup();
    Duration round = d.round();
    long rounds = d.rounds();
    CostClock clock = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--warmup" -> warmup = duration(args, ++i, arg, 0);
        case "--round" -> round = duration(args, ++i, arg, 1);
        case "--rounds" -> rounds = number(args, ++i, arg);
        case "--clock" -> clock = clock(args, ++i);
        default -> {
          if (arg.startsWith("-") || suite != null) {
            throw new UsageException("unexpected argument " + arg);
          }
          suite = arg;
        }
      }
    }
    if (suite == null) {
      throw new UsageException("name a suite, e.g. bench engine (see bench --help)");
    }
    return new BenchArguments(suite, warmup, round, (int) rounds, clock);
  }

  private static CostClock clock(List<String> args, int index) throws UsageException {
    String value = index < args.size() ? args.get(index) : "";
    return switch (value) {
      case "cpu" -> CostClock.CPU;
      case "wall" -> CostClock.WALL;
      default -> throw new UsageException("--clock must be cpu or wall");
    };
  }

  /** Seconds, or milliseconds with an "ms" suffix; at least {@code minMillis}, at most 1 h. */
  private static Duration duration(List<String> args, int index, String option, long minMillis)
      throws UsageException {
    String value = index < args.size() ? args.get(index) : "";
    boolean millis = value.endsWith("ms");
    String digits = millis ? value.substring(0, value.length() - 2) : value;
    if (!digits.matches("[0-9]{1,7}")) {
      throw new UsageException(option + " must be seconds (e.g. 3) or milliseconds (e.g. 300ms)");
    }
    Duration duration =
        millis
            ? Duration.ofMillis(Long.parseLong(digits))
            : Duration.ofSeconds(Long.parseLong(digits));
    if (duration.toMillis() < minMillis || duration.compareTo(Duration.ofHours(1)) > 0) {
      throw new UsageException(option + " must be " + minMillis + " ms to 1 hour");
    }
    return duration;
  }

  private static long number(List<String> args, int index, String option) throws UsageException {
    String value = index < args.size() ? args.get(index) : "";
    if (!value.matches("[0-9]{1,4}") || Long.parseLong(value) < 1) {
      throw new UsageException(option + " must be a whole number from 1 to 9999");
    }
    return Long.parseLong(value);
  }
}
