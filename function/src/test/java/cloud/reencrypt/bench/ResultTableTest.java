package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void markdown_comparedAndAloneRows_rendersRatiosAndTargets() {
    Workload none = () -> null;
    CaseResult met =
        new CaseResult(BenchCase.against("engine", none, "bare", none, 0.6), 7000, 10000, 0.7);
    CaseResult missed =
        new CaseResult(BenchCase.against("slow", none, "bare", none, 0.9), 800, 1000, 0.8);
    CaseResult alone = new CaseResult(BenchCase.alone("stat", none), 1234567.4, Double.NaN, 0);

    String table = ResultTable.markdown(List.of(met, missed, alone));

    assertEquals(
        "| Case | ops/s | Baseline | Baseline ops/s | Ratio | Target | Met |\n"
            + "|---|---:|---|---:|---:|---:|---|\n"
            + "| engine | 7,000 | bare | 10,000 | 70 % | ≥ 60 % | yes |\n"
            + "| slow | 800 | bare | 1,000 | 80 % | ≥ 90 % | **no** |\n"
            + "| stat | 1,234,567 |  |  |  |  |  |\n",
        table);
  }
}
