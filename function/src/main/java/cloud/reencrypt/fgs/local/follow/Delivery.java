package cloud.reencrypt.fgs.local.follow;

/**
 * One event on its way through the workers: delivered, and delivered again after a failed attempt
 * while retries are left.
 */
final class Delivery {
  private final int id;
  private final String event;
  private final String label;
  private int attempt = 1;
  private long startedNanos = -1;
  private boolean timedOut;

  /**
   * @param id the event's number in this run, 1 for the initial event
   * @param event the event, compact JSON on one line
   * @param label what people call it: the event file, or the bucket and key it reports
   */
  Delivery(int id, String event, String label) {
    this.id = id;
    this.event = event;
    this.label = label;
  }

  int id() {
    return id;
  }

  String event() {
    return event;
  }

  String label() {
    return label;
  }

  int attempt() {
    return attempt;
  }

  /** Ready for the next attempt: not started, not timed out. */
  void nextAttempt() {
    attempt++;
    startedNanos = -1;
    timedOut = false;
  }

  /** When its worker said it began, on {@link System#nanoTime()}; -1 before. */
  long startedNanos() {
    return startedNanos;
  }

  void started(long nanos) {
    startedNanos = nanos;
  }

  boolean timedOut() {
    return timedOut;
  }

  void timeOut() {
    timedOut = true;
  }

  @Override
  public String toString() {
    return "event " + id + " (" + label + ")";
  }
}
