package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestWindowsTest {
  private static final long SECOND_MS = 1000;
  private final AtomicLong millis =
      new AtomicLong(Instant.parse("2026-03-01T12:00:00Z").toEpochMilli());

  @Test
  void admit_overTheLimit_isRefusedUntilTheNextWholeSecond() {
    RequestWindows windows = new RequestWindows(3, millis::get);
    millis.addAndGet(999); // the window's last millisecond
    assertEquals(List.of(true, true, true, false, false), admit(windows, 5));
    millis.addAndGet(1); // a new second: a new window, whatever the previous one held
    assertEquals(List.of(true, true, true, false), admit(windows, 4));
  }

  @Test
  void stats_afterTwoBusySeconds_reportsTotalsPeakAndEachWindow() {
    RequestWindows windows = new RequestWindows(3, millis::get);
    admit(windows, 5);
    millis.addAndGet(2 * SECOND_MS); // one idle second in between is not listed
    admit(windows, 2);

    ServeStats stats = windows.stats();
    assertEquals(3, stats.maxTps());
    assertEquals(7, stats.received());
    assertEquals(5, stats.answered());
    assertEquals(2, stats.throttled());
    assertEquals(3, stats.peakAnswered());
    assertEquals(
        List.of(
            new ServeStats.Window("2026-03-01T12:00:00Z", 5, 3, 2),
            new ServeStats.Window("2026-03-01T12:00:02Z", 2, 2, 0)),
        stats.windows());
  }

  @Test
  void lastEnded_onlyOnceTheClockHasLeftTheWindow() {
    RequestWindows windows = new RequestWindows(3, millis::get);
    admit(windows, 1);
    assertTrue(windows.lastEnded().isEmpty(), "the current second has not ended");
    millis.addAndGet(SECOND_MS);
    assertEquals("2026-03-01T12:00:00Z", windows.lastEnded().orElseThrow().start());
  }

  @Test
  void admit_noLimit_countsEverythingAndRefusesNothing() {
    RequestWindows windows = new RequestWindows(0, millis::get);
    assertFalse(admit(windows, 500).contains(false));
    ServeStats stats = windows.stats();
    assertNull(stats.maxTps());
    assertEquals(500, stats.peakAnswered());
    assertEquals(0, stats.throttled());
  }

  @Test
  void stats_longRun_keepsTheLatestWindowsOnly() {
    RequestWindows windows = new RequestWindows(0, millis::get);
    for (int i = 0; i < RequestWindows.KEPT_WINDOWS + 10; i++) {
      admit(windows, 1);
      millis.addAndGet(SECOND_MS);
    }
    List<ServeStats.Window> kept = windows.stats().windows();
    assertEquals(RequestWindows.KEPT_WINDOWS, kept.size());
    assertEquals("2026-03-01T12:00:10Z", kept.get(0).start());
    assertEquals(RequestWindows.KEPT_WINDOWS + 10, windows.stats().received());
  }

  @Test
  void constructor_negativeLimit_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RequestWindows(-1, millis::get));
  }

  private static List<Boolean> admit(RequestWindows windows, int requests) {
    Boolean[] admitted = new Boolean[requests];
    for (int i = 0; i < requests; i++) {
      admitted[i] = windows.admit();
    }
    return List.of(admitted);
  }
}
