package cloud.reencrypt.fgs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The trigger an event came from, told from its shape, and so the handler that takes it. */
public enum EventKind {
  /** API Gateway: {@code httpMethod}, {@code path}, {@code body}... ({@link ApigHandler}). */
  APIG,
  /** OBS in any of its three shapes ({@link ObsHandler}). */
  OBS;

  /** The kind of an event, or empty when it has neither shape. */
  public static Optional<EventKind> of(JsonNode event) {
    if (event == null || !event.isObject()) {
      return Optional.empty();
    }
    if (ObsEvents.looksLikeObsEvent(event)) {
      return Optional.of(OBS);
    }
    if (event.has("httpMethod") || event.has("requestContext")) {
      return Optional.of(APIG);
    }
    return Optional.empty();
  }
}
