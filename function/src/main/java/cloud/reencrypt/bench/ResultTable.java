package cloud.reencrypt.bench;

import java.util.List;
import java.util.Locale;

/** Renders results as a Markdown table (pasteable into the README). */
public final class ResultTable {
  private ResultTable() {}

  public static String markdown(List<CaseResult> results) {
    StringBuilder table =
        new StringBuilder(
            "| Case | ops/s | Baseline | Baseline ops/s | Ratio | Target | Met |\n"
                + "|---|---:|---|---:|---:|---:|---|\n");
    for (CaseResult result : results) {
      BenchCase c = result.benchCase();
      boolean compared = c.baseline() != null;
      boolean targeted = compared && !Double.isNaN(c.targetRatio());
      table
          .append("| ")
          .append(c.label())
          .append(" | ")
          .append(count(result.opsPerSecond()))
          .append(" | ")
          .append(compared ? c.baselineLabel() : "")
          .append(" | ")
          .append(compared ? count(result.baselineOpsPerSecond()) : "")
          .append(" | ")
          .append(compared ? percent(result.ratio()) : "")
          .append(" | ")
          .append(targeted ? "≥ " + percent(c.targetRatio()) : "")
          .append(" | ")
          .append(targeted ? (result.meetsTarget() ? "yes" : "**no**") : "")
          .append(" |\n");
    }
    return table.toString();
  }

  private static String count(double opsPerSecond) {
    return String.format(Locale.ROOT, opsPerSecond < 100 ? "%,.2f" : "%,.0f", opsPerSecond);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }
}
