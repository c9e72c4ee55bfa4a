package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(3);

  @ParameterizedTest
  @CsvSource({
    "THROTTLED, REPEATABLE, true",
    "THROTTLED, ONCE, true",
    "NOT_SENT, REPEATABLE, true",
    "NOT_SENT, ONCE, true",
    "TRANSIENT, REPEATABLE, true",
    "TRANSIENT, ONCE, false",
    "PERMANENT, REPEATABLE, false",
    "PERMANENT, ONCE, false"
  })
  void retries_byFailureAndRepeatability_followsTheTable(
      Failure failure, Repeatability repeatability, boolean retried) {
    assertEquals(retried, policy.retries(failure, repeatability, 1));
  }

  @ParameterizedTest
  @CsvSource({"1, true", "2, true", "3, false", "4, false"})
  void retries_lastCountedAttempt_isNotRetried(int failed, boolean retried) {
    assertEquals(retried, policy.retries(Failure.TRANSIENT, Repeatability.REPEATABLE, failed));
    assertEquals(retried, policy.retries(Failure.NOT_SENT, Repeatability.ONCE, failed));
  }

  @ParameterizedTest
  @CsvSource({"0", "3", "1000"})
  void retries_throttled_isRetriedWhateverTheCount(int failed) {
    assertTrue(policy.retries(Failure.THROTTLED, Repeatability.ONCE, failed));
  }

  @Test
  void retries_singleAttemptPolicy_retriesOnlyThrottling() {
    RetryPolicy once = new RetryPolicy(1);
    assertFalse(once.retries(Failure.TRANSIENT, Repeatability.REPEATABLE, 1));
    assertFalse(once.retries(Failure.NOT_SENT, Repeatability.REPEATABLE, 1));
    assertTrue(once.retries(Failure.THROTTLED, Repeatability.REPEATABLE, 0));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0));
  }
}
