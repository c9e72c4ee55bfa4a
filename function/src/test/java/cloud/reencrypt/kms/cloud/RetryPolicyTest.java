package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void retries_lastAttempt_isNotRetried(int attempt, boolean retried) {
    assertEquals(retried, policy.retries(Failure.THROTTLED, Repeatability.REPEATABLE, attempt));
  }

  @Test
  void retries_singleAttemptPolicy_neverRetries() {
    assertFalse(new RetryPolicy(1).retries(Failure.THROTTLED, Repeatability.REPEATABLE, 1));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0));
  }
}
