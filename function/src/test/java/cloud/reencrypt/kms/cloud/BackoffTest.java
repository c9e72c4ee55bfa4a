package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000));

  @Test
  void ceiling_doublesPerRetry_untilTheCap() {
    assertEquals(100, backoff.ceilingMillis(0));
    assertEquals(200, backoff.ceilingMillis(1));
    assertEquals(400, backoff.ceilingMillis(2));
    assertEquals(800, backoff.ceilingMillis(3));
    assertEquals(1_000, backoff.ceilingMillis(4));
    assertEquals(1_000, backoff.ceilingMillis(5));
  }

  @Test
  void ceiling_hugeRetryNumber_staysAtTheCapWithoutOverflow() {
    for (int retry = 50; retry < 70; retry++) {
      assertEquals(1_000, backoff.ceilingMillis(retry), "retry " + retry);
    }
    assertEquals(1_000, backoff.ceilingMillis(Integer.MAX_VALUE));
  }

  @Test
  void delay_fullJitter_spansZeroToTheCeiling() {
    assertEquals(0, backoff.delayMillis(3, () -> 0.0));
    assertEquals(799, backoff.delayMillis(3, () -> 0.999));
    SplittableRandom random = new SplittableRandom(7);
    for (int retry = 0; retry < 8; retry++) {
      for (int i = 0; i < 1_000; i++) {
        long delay = backoff.delayMillis(retry, random::nextDouble);
        assertTrue(delay >= 0 && delay < backoff.ceilingMillis(retry), "delay " + delay);
      }
    }
  }

  @Test
  void constructor_capBelowBase_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofMillis(100), Duration.ofMillis(50)));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ZERO));
  }
}
