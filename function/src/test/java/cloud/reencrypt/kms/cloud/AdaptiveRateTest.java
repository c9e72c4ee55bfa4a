package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The arithmetic of the adaptive rate, on plain nanosecond numbers. */
class AdaptiveRateTest {
  private static final long SECOND = 1_000_000_000L;
  private static final double UNLIMITED = Double.POSITIVE_INFINITY;

  @Test
  void perSecond_beforeAnyThrottle_isTheCeiling() {
    assertEquals(40, new AdaptiveRate(40).perSecond(0));
    assertEquals(UNLIMITED, new AdaptiveRate(UNLIMITED).perSecond(0));
  }

  @Test
  void throttled_configuredRate_halvesAndRegainsATenthOfTheCeilingPerSecond() {
    AdaptiveRate rate = new AdaptiveRate(40);
    assertTrue(rate.throttled(0, 0, 40));
    assertEquals(20, rate.perSecond(0));
    assertEquals(24, rate.perSecond(SECOND));
    assertEquals(30, rate.perSecond(5 * SECOND / 2));
    assertEquals(40, rate.perSecond(5 * SECOND));
    assertEquals(40, rate.perSecond(60 * SECOND), "never above the ceiling");
  }

  @Test
  void throttled_sendingBelowTheCeiling_halvesWhatWasActuallySent() {
    AdaptiveRate rate = new AdaptiveRate(40);
    rate.throttled(0, 0, 10);
    assertEquals(5, rate.perSecond(0));
    assertEquals(9, rate.perSecond(SECOND), "recovery is still a tenth of the ceiling");
  }

  @Test
  void throttled_unlimited_startsFromTheObservedRateAndRecoversByATenthOfIt() {
    AdaptiveRate rate = new AdaptiveRate(UNLIMITED);
    rate.throttled(0, 0, 300);
    assertEquals(150, rate.perSecond(0));
    assertEquals(180, rate.perSecond(SECOND));
    assertEquals(450, rate.perSecond(10 * SECOND), "unlimited: it keeps climbing");
  }

  @Test
  void throttled_sentWithinASecondOfTheLastDecrease_changesNothing() {
    AdaptiveRate rate = new AdaptiveRate(40);
    rate.throttled(0, SECOND, 40);
    assertFalse(rate.throttled(SECOND - 1, SECOND + 5, 40), "sent before the decrease");
    assertFalse(rate.throttled(2 * SECOND - 1, 2 * SECOND, 40), "sent in the same second");
    assertEquals(24, rate.perSecond(2 * SECOND));
    assertTrue(rate.throttled(2 * SECOND, 2 * SECOND, 40), "sent a second later");
    assertEquals(12, rate.perSecond(2 * SECOND));
  }

  @Test
  void throttled_barelySending_neverGoesBelowOneRequestPerSecond() {
    AdaptiveRate rate = new AdaptiveRate(40);
    rate.throttled(0, 0, 1.5);
    assertEquals(AdaptiveRate.MIN_TPS, rate.perSecond(0));
  }

  @Test
  void throttled_everySecondAtTheCeiling_settlesWhereHalvingMeetsRecovery() {
    AdaptiveRate rate = new AdaptiveRate(40);
    for (int i = 0; i < 30; i++) {
      rate.throttled(i * SECOND, i * SECOND, 40);
    }
    // each second: x -> (x + 4) / 2, whose fixed point is 4
    assertEquals(4, rate.perSecond(29 * SECOND), 1e-6);
  }

  @Test
  void throttled_ceilingBelowTheFloor_staysAtMostTheCeiling() {
    AdaptiveRate rate = new AdaptiveRate(0.25);
    for (int i = 0; i < 5; i++) {
      rate.throttled(i * SECOND, i * SECOND, 1);
    }
    assertEquals(0.25, rate.perSecond(4 * SECOND));
  }

  @Test
  void throttled_nothingObservedYet_startsFromOneRequestPerSecond() {
    AdaptiveRate rate = new AdaptiveRate(UNLIMITED);
    rate.throttled(0, 0, 0);
    assertEquals(AdaptiveRate.MIN_TPS, rate.perSecond(0));
  }

  @Test
  void constructor_nonPositiveCeiling_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveRate(0));
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveRate(Double.NaN));
  }
}
