package cloud.reencrypt.cli;

import cloud.reencrypt.server.RequestWindows;
import cloud.reencrypt.server.ServeStats;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve --max-tps}'s one line per second on stderr: the last second's requests received,
 * answered and throttled, and the peak so far. A line only for a second that saw requests, so an
 * idle server stays quiet; checked every second on a daemon thread.
 */
final class ServeSummary implements Runnable {
  private final RequestWindows windows;
  private final PrintStream err;
  private String lastShown;

  ServeSummary(RequestWindows windows, PrintStream err) {
    this.windows = windows;
    this.err = err;
  }

  /** Runs a summary every second from now until the returned handle is closed. */
  static AutoCloseable everySecond(RequestWindows windows, PrintStream err) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "serve-summary");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(new ServeSummary(windows, err), 1, 1, TimeUnit.SECONDS);
    return ticker::shutdownNow;
  }

  /** Prints the latest ended window, unless it was printed already. */
  @Override
  public synchronized void run() {
    Optional<ServeStats.Window> ended = windows.lastEnded();
    if (ended.isEmpty() || ended.get().start().equals(lastShown)) {
      return;
    }
    ServeStats.Window window = ended.get();
    lastShown = window.start();
    err.println(line(window, windows.stats().peakAnswered(), windows.limit()));
  }

  static String line(ServeStats.Window window, int peakAnswered, int limit) {
    return "reencrypt serve: "
        + window.start()
        + " received "
        + window.received()
        + ", answered "
        + window.answered()
        + ", throttled "
        + window.throttled()
        + " (limit "
        + limit
        + "/s, peak answered "
        + peakAnswered
        + ")";
  }
}
