package cloud.reencrypt.bench;

import java.util.List;
import java.util.Locale;

/** Renders {@link LoadMeter} results as a Markdown table (pasteable into the README). */
public final class LoadTable {
  private LoadTable() {}

  public static String markdown(List<LoadResult> results) {
    StringBuilder table =
        new StringBuilder(
            "| Case | Clients | req/s | p50 ms | p99 ms | Baseline | Baseline req/s | p50 ms |"
                + " p99 ms | Ratio | Target | Met |\n"
                + "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---|\n");
    for (LoadResult r : results) {
      BenchCase c = r.benchCase();
      boolean compared = r.baseline() != null;
      table.append("| ").append(c.label()).append(" | ").append(r.clients());
      rate(table, r.subject());
      table.append(" | ").append(compared ? c.baselineLabel() : "");
      if (compared) {
        rate(table, r.baseline());
      } else {
        table.append(" |  |  | ");
      }
      table
          .append(" | ")
          .append(compared ? percent(r.ratio()) : "")
          .append(" | ")
          .append(r.targeted() ? target(r) : "")
          .append(" | ")
          .append(r.targeted() ? (r.meetsTargets() ? "yes" : "**no**") : "")
          .append(" |\n");
    }
    return table.toString();
  }

  private static void rate(StringBuilder table, LoadResult.Rate rate) {
    table
        .append(" | ")
        .append(String.format(Locale.ROOT, "%,.0f", rate.opsPerSecond()))
        .append(" | ")
        .append(millis(rate.p50Millis()))
        .append(" | ")
        .append(millis(rate.p99Millis()));
  }

  private static String target(LoadResult r) {
    String ratio =
        Double.isNaN(r.benchCase().targetRatio())
            ? ""
            : "≥ " + percent(r.benchCase().targetRatio());
    String floor =
        r.minOpsPerSecond() > 0
            ? String.format(Locale.ROOT, "≥ %,.0f req/s", r.minOpsPerSecond())
            : "";
    return ratio.isEmpty() || floor.isEmpty() ? ratio + floor : ratio + ", " + floor;
  }

  private static String millis(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }
}
