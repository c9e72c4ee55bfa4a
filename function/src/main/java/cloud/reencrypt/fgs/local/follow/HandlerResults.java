package cloud.reencrypt.fgs.local.follow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads a handler's result as the driver needs it: an OBS summary's records, or an APIG response.
 */
final class HandlerResults {
  private HandlerResults() {}

  /**
   * Why the first record marked {@code temporary} failed, naming its object: the platform delivers
   * such an event again.
   */
  static Optional<String> temporaryFailure(JsonNode result) {
    for (JsonNode record : result.path("records")) {
      if (record.path("temporary").asBoolean(false)) {
        return Optional.of(
            record.path("bucket").asText()
                + "/"
                + record.path("key").asText()
                + " failed temporarily: "
                + record.path("reason").asText());
      }
    }
    return Optional.empty();
  }

  /** The result in a few words: one record's status, the records' counts, or an HTTP status. */
  static String outcome(JsonNode result) {
    JsonNode records = result.path("records");
    if (records.size() == 1) {
      JsonNode record = records.get(0);
      return record.path("status").asText()
          + (record.hasNonNull("reason") ? " (" + record.get("reason").asText() + ")" : "");
    }
    if (result.has("records")) {
      return result.path("processed").asInt()
          + " processed, "
          + result.path("skipped").asInt()
          + " skipped, "
          + result.path("failed").asInt()
          + " failed";
    }
    return "statusCode " + result.path("statusCode").asText("?");
  }
}
