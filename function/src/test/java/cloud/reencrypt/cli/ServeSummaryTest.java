package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.server.RequestWindows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServeSummaryTest {
  private final AtomicLong millis =
      new AtomicLong(Instant.parse("2026-03-01T12:00:00Z").toEpochMilli());
  private final RequestWindows windows = new RequestWindows(2, millis::get);
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ServeSummary summary =
      new ServeSummary(windows, new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void run_eachEndedBusySecond_printsOneLine() {
    admit(5);
    summary.run(); // the second has not ended yet
    millis.addAndGet(1000);
    summary.run();
    summary.run(); // the same second again: nothing new
    admit(1);
    millis.addAndGet(1000);
    summary.run();

    assertEquals(
        "reencrypt serve: 2026-03-01T12:00:00Z received 5, answered 2, throttled 3"
            + " (limit 2/s, peak answered 2)\n"
            + "reencrypt serve: 2026-03-01T12:00:01Z received 1, answered 1, throttled 0"
            + " (limit 2/s, peak answered 2)\n",
        printed());
  }

  @Test
  void run_idleServer_printsNothing() {
    for (int i = 0; i < 5; i++) {
      millis.addAndGet(1000);
      summary.run();
    }
    assertEquals("", printed());
  }

  private void admit(int requests) {
    for (int i = 0; i < requests; i++) {
      windows.admit();
    }
  }

  private String printed() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
