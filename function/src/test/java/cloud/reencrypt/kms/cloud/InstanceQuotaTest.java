package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceQuotaTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0, 1, 0",
    "0, 0, 8, 0",
    "30, 0, 8, 30",
    "0, 100, 1, 100",
    "0, 100, 4, 25",
    "0, 50, 3, 16.666666666666668",
    "10, 100, 4, 10",
    "40, 100, 4, 25",
    "25, 100, 4, 25",
    "0.5, 1000, 1000, 0.5"
  })
  void perInstanceTps_budgetAndLimit_takesTheLowerOfWhatIsSet(
      double maxTps, double totalTps, int instances, double expected) {
    assertEquals(expected, new InstanceQuota(maxTps, totalTps, instances).perInstanceTps());
  }

  @Test
  void constructor_negativeRateOrNoInstances_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new InstanceQuota(-1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new InstanceQuota(0, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new InstanceQuota(0, 100, 0));
  }
}
