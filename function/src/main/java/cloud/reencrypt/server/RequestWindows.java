package cloud.reencrypt.server;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts {@code serve}'s requests in fixed one-second windows aligned to whole seconds of the
 * server's clock and, with a limit, lets at most that many through per window ({@code serve
 * --max-tps}). A fixed window rather than a sliding one or a token bucket, so that the promise is
 * exact and checkable from outside: no window ever has more than the limit answered, which a test
 * reads back as {@link ServeStats#peakAnswered()}.
 */
public final class RequestWindows {
  /** Windows kept for {@link #stats()}: five minutes of traffic. */
  public static final int KEPT_WINDOWS = 300;

  private final int limit;
  private final LongSupplier epochMillis;
  private final ArrayDeque<ServeStats.Window> past = new ArrayDeque<>();
  private long second = Long.MIN_VALUE;
  private int received;
  private int answered;
  private int throttled;
  private long totalReceived;
  private long totalThrottled;
  private int peakAnswered;

  /**
   * @param limit the most requests answered per window; 0 for no limit (counted all the same)
   * @param epochMillis the server's clock
   */
  public RequestWindows(int limit, LongSupplier epochMillis) {
    if (limit < 0) {
      throw new IllegalArgumentException("the limit must be 0 (none) or more");
    }
    this.limit = limit;
    this.epochMillis = epochMillis;
  }

  /** Counts one request; whether it may be answered (false: over this window's limit). */
  public synchronized boolean admit() {
    roll();
    received++;
    totalReceived++;
    if (limit > 0 && answered >= limit) {
      throttled++;
      totalThrottled++;
      return false;
    }
    answered++;
    peakAnswered = Math.max(peakAnswered, answered);
    return true;
  }

  public int limit() {
    return limit;
  }

  /** The counts so far. */
  public synchronized ServeStats stats() {
    roll();
    List<ServeStats.Window> windows = new ArrayList<>(past);
    if (received > 0) {
      windows.add(current());
    }
    return new ServeStats(
        limit > 0 ? limit : null,
        totalReceived,
        totalReceived - totalThrottled,
        totalThrottled,
        peakAnswered,
        windows);
  }

  /** The latest window that has ended and saw requests, if any. */
  public synchronized Optional<ServeStats.Window> lastEnded() {
    roll();
    return Optional.ofNullable(past.peekLast());
  }

  /** Moves the current window into the past once the clock has left its second. */
  private void roll() {
    long now = Math.floorDiv(epochMillis.getAsLong(), 1000);
    if (now == second) {
      return;
    }
    if (received > 0) {
      past.addLast(current());
      if (past.size() > KEPT_WINDOWS) {
        past.removeFirst();
      }
    }
    second = now;
    received = 0;
    answered = 0;
    throttled = 0;
  }

  private ServeStats.Window current() {
    return new ServeStats.Window(
        Instant.ofEpochSecond(second).toString(), received, answered, throttled);
  }
}
