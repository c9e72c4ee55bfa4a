package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SendMeterTest {
  private static final long MS = 1_000_000L;
  private final SendMeter meter = new SendMeter();

  @Test
  void perSecond_firstWindow_countsEverySend() {
    for (int i = 0; i < 30; i++) {
      meter.record(1000 * MS + i * MS);
    }
    assertEquals(30, meter.perSecond(1100 * MS));
  }

  @Test
  void perSecond_nextWindow_weighsThePreviousByWhatStillFallsInTheLastSecond() {
    for (int i = 0; i < 40; i++) {
      meter.record(i * 25 * MS); // 40/s through the first second
    }
    meter.record(1000 * MS);
    assertEquals(30 + 1, meter.perSecond(1250 * MS), 1e-9);
    assertEquals(1, meter.perSecond(1999 * MS), 0.05);
  }

  @Test
  void perSecond_afterAnIdleGap_isZero() {
    meter.record(0);
    meter.record(MS);
    assertEquals(0, meter.perSecond(5000 * MS));
  }
}
