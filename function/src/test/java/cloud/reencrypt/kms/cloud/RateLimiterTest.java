package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long MS = 1_000_000L;
  private final FakeTime time = new FakeTime();

  @Test
  void reserve_tenPerSecond_spacesRequestsHundredMillisApart() {
    RateLimiter limiter = RateLimiter.perSecond(10, time::nanoTime);
    assertEquals(0, limiter.reserve(Long.MAX_VALUE));
    assertEquals(100 * MS, limiter.reserve(Long.MAX_VALUE));
    assertEquals(200 * MS, limiter.reserve(Long.MAX_VALUE));
    time.sleep(Duration.ofMillis(250));
    assertEquals(50 * MS, limiter.reserve(Long.MAX_VALUE));
  }

  @Test
  void reserve_afterIdlePeriod_doesNotBurst() {
    RateLimiter limiter = RateLimiter.perSecond(10, time::nanoTime);
    limiter.reserve(Long.MAX_VALUE);
    time.sleep(Duration.ofSeconds(10));
    assertEquals(0, limiter.reserve(Long.MAX_VALUE));
    assertEquals(100 * MS, limiter.reserve(Long.MAX_VALUE));
  }

  @Test
  void reserve_slotBeyondMaxWait_reservesNothing() {
    RateLimiter limiter = RateLimiter.perSecond(10, time::nanoTime);
    limiter.reserve(Long.MAX_VALUE);
    assertEquals(-1, limiter.reserve(50 * MS));
    assertEquals(100 * MS, limiter.reserve(100 * MS), "the refused caller took no slot");
  }

  @Test
  void reserve_off_neverWaits() {
    RateLimiter limiter = RateLimiter.off();
    assertTrue(limiter.isOff());
    for (int i = 0; i < 100; i++) {
      assertEquals(0, limiter.reserve(0));
    }
  }

  @Test
  void perSecond_nonPositiveRate_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(0, time::nanoTime));
    assertThrows(
        IllegalArgumentException.class, () -> RateLimiter.perSecond(Double.NaN, time::nanoTime));
  }
}
