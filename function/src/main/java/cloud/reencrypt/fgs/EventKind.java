package cloud.reencrypt.fgs;

import java.util.Map;
import java.util.Optional;

/** The trigger an event came from, told from its shape, and so the handler that takes it. */
public enum EventKind {
  /** API Gateway: {@code httpMethod}, {@code path}, {@code body}... ({@link ApigHandler}). */
  APIG,
  /** OBS in any of its three shapes ({@link ObsHandler}). */
  OBS;

  /**
   * The kind of an event, or empty when it has neither shape.
   *
   * @param json the event as the runtime gives it to a {@code Map} parameter: maps and lists
   */
  public static Optional<EventKind> of(Object json) {
    if (!(json instanceof Map<?, ?> event)) {
      return Optional.empty();
    }
    if (ObsEvents.looksLikeObsEvent(event)) {
      return Optional.of(OBS);
    }
    if (event.containsKey("httpMethod") || event.containsKey("requestContext")) {
      return Optional.of(APIG);
    }
    return Optional.empty();
  }
}
