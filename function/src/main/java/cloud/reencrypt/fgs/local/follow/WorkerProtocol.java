package cloud.reencrypt.fgs.local.follow;

import java.util.Optional;

/**
 * The line protocol between {@code invoke --follow} and its worker processes: UTF-8 text, one
 * message per line, a type word, a space and a payload on the same line. The driver writes to a
 * worker's stdin; the worker answers on its stdout (its logs go to stderr):
 *
 * <pre>
 * driver → worker   event {...}       one event, compact JSON; the worker handles one at a time
 * worker → driver   ready PID         the worker is up and reads events
 *                   started ID        it began the event it was sent, under this request ID
 *                   committed {...}   it committed an object: {"bucket","key","etag","size"}
 *                   result {...}      the handler returned this value (compact JSON)
 *                   error MESSAGE     the handler threw; one line
 * </pre>
 *
 * {@code committed} lines come while an event runs, as the store commits, so the driver learns of
 * every object even from a worker that dies before its result. A line of any other shape (a JVM
 * warning) is not a message.
 */
final class WorkerProtocol {
  static final String EVENT = "event";
  static final String READY = "ready";
  static final String STARTED = "started";
  static final String COMMITTED = "committed";
  static final String RESULT = "result";
  static final String ERROR = "error";

  private WorkerProtocol() {}

  /** One message: its type and its payload (never containing a line break). */
  record Message(String type, String payload) {
    Message {
      payload = payload.replace('\r', ' ').replace('\n', ' ');
    }

    /** The message in a line, or empty when the line is not one. */
    static Optional<Message> parse(String line) {
      int space = line.indexOf(' ');
      String type = space < 0 ? line : line.substring(0, space);
      return switch (type) {
        case EVENT, READY, STARTED, COMMITTED, RESULT, ERROR ->
            Optional.of(new Message(type, space < 0 ? "" : line.substring(space + 1)));
        default -> Optional.empty();
      };
    }

    /** The message as its line, without the line break. */
    String line() {
      return type + " " + payload;
    }
  }

  /** The payload of {@code committed}: what the store reported it committed. */
  record Committed(String bucket, String key, String etag, long size) {}
}
