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
  void reserve_unlimited_neverWaits() {
    RateLimiter limiter = RateLimiter.unlimited(time::nanoTime);
    for (int i = 0; i < 100; i++) {
      assertEquals(0, limiter.reserve(0));
    }
    assertEquals(Double.POSITIVE_INFINITY, limiter.perSecond());
  }

  @Test
  void throttled_unlimited_startsFromTheObservedRateHalved() {
    RateLimiter limiter = RateLimiter.unlimited(time::nanoTime);
    long sentAt = time.nanoTime();
    for (int i = 0; i < 40; i++) {
      limiter.reserve(Long.MAX_VALUE); // 40 requests at once, within one second
    }
    limiter.throttled(sentAt);
    assertEquals(20, limiter.perSecond());
    assertEquals(0, limiter.reserve(Long.MAX_VALUE));
    assertEquals(50 * MS, limiter.reserve(Long.MAX_VALUE), "spaced 1/20 s apart from now on");
  }

  @Test
  void throttled_configured_halvesThenRecoversToTheConfiguredRate() {
    RateLimiter limiter = RateLimiter.perSecond(10, time::nanoTime);
    for (int i = 0; i < 10; i++) {
      time.sleep(Duration.ofNanos(limiter.reserve(Long.MAX_VALUE)));
    }
    limiter.throttled(time.nanoTime());
    assertEquals(5, limiter.perSecond());
    time.sleep(Duration.ofSeconds(2));
    assertEquals(7, limiter.perSecond(), 1e-9);
    time.sleep(Duration.ofSeconds(10));
    assertEquals(10, limiter.perSecond());
  }

  @Test
  void throttled_requestsSentWithinASecondOfTheDecrease_doNotLowerTheRateAgain() {
    RateLimiter limiter = RateLimiter.perSecond(100, time::nanoTime);
    long burst = time.nanoTime();
    sendFor(limiter, Duration.ofSeconds(1));
    for (int i = 0; i < 16; i++) {
      limiter.throttled(burst); // sixteen answers to the same burst
    }
    assertEquals(50, limiter.perSecond(), 1, "halved once, not 16 times");
    sendFor(limiter, Duration.ofMillis(500));
    limiter.throttled(time.nanoTime());
    assertEquals(55, limiter.perSecond(), 1, "the same second's quota: recovering, not halved");
    sendFor(limiter, Duration.ofMillis(500));
    limiter.throttled(time.nanoTime());
    double halved = limiter.perSecond();
    assertTrue(halved > 25 && halved < 32, "a request sent a second later halves again: " + halved);
  }

  /** Takes every slot the limiter gives for a while, as busy callers would. */
  private void sendFor(RateLimiter limiter, Duration duration) {
    long end = time.nanoTime() + duration.toNanos();
    while (time.nanoTime() < end) {
      time.sleep(Duration.ofNanos(limiter.reserve(Long.MAX_VALUE)));
    }
  }

  @Test
  void perSecond_nonPositiveOrInfiniteRate_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(0, time::nanoTime));
    assertThrows(
        IllegalArgumentException.class, () -> RateLimiter.perSecond(Double.NaN, time::nanoTime));
    assertThrows(
        IllegalArgumentException.class,
        () -> RateLimiter.perSecond(Double.POSITIVE_INFINITY, time::nanoTime));
  }

  @Test
  void configured_zero_isUnlimited() {
    assertEquals(Double.POSITIVE_INFINITY, RateLimiter.configured(0, time::nanoTime).perSecond());
    assertEquals(8, RateLimiter.configured(8, time::nanoTime).perSecond());
  }
}
