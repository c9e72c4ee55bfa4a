package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meter on an injected clock that the workloads themselves advance: exact, no real time. */
class MeterTest {
  private long now;

  private Workload costing(long nanos) {
    return () -> {
      now += nanos;
      return Boolean.TRUE;
    };
  }

  @Test
  void measureAll_subjectTwiceAsCostlyAsBaseline_reportsRatesAndHalfRatio() throws Exception {
    Meter meter =
        new Meter(
            new MeterSettings(Duration.ofMillis(5), Duration.ofMillis(10), 3, CostClock.CPU),
            () -> now);
    List<String> steps = new ArrayList<>();
    BenchCase compared = BenchCase.against("subject", costing(2_000), "bare", costing(1_000), 0.6);

    List<CaseResult> results = meter.measureAll(List.of(compared), steps::add);

    CaseResult result = results.get(0);
    assertEquals(500_000, result.opsPerSecond(), 1e-6);
    assertEquals(1_000_000, result.baselineOpsPerSecond(), 1e-6);
    assertEquals(0.5, result.ratio(), 1e-9);
    assertFalse(result.meetsTarget());
    assertEquals(List.of("warming up subject", "measuring subject"), steps);
    assertTrue(meter.results() > 0);
  }

  @Test
  void measureAll_caseWithoutBaseline_hasNoRatio() throws Exception {
    Meter meter =
        new Meter(
            new MeterSettings(Duration.ZERO, Duration.ofMillis(1), 1, CostClock.WALL), () -> now);

    CaseResult result =
        meter.measureAll(List.of(BenchCase.alone("alone", costing(250))), step -> {}).get(0);

    assertEquals(4_000_000, result.opsPerSecond(), 1e-6);
    assertTrue(Double.isNaN(result.ratio()));
  }

  @Test
  void median_oddAndEvenCounts_isMiddleValue() {
    assertEquals(2, Meter.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Meter.median(new double[] {4, 1, 2, 3}));
  }
}
