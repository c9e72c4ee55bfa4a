package cloud.reencrypt.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What {@code GET /_serve/stats} answers: request counts since the server started, and per
 * one-second window of the server's clock.
 *
 * @param maxTps the limit of answered requests per window; null (left out) when there is none
 * @param received every request counted, throttled ones included
 * @param answered requests let through to the KMS API (whatever it answered)
 * @param throttled requests answered 429 by the limit
 * @param peakAnswered the most requests answered in one window, the current one included
 * @param windows the windows that saw requests, oldest first, the current one last; at most {@link
 *     RequestWindows#KEPT_WINDOWS}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ServeStats(
    Integer maxTps,
    long received,
    long answered,
    long throttled,
    int peakAnswered,
    List<Window> windows) {

  /**
   * One window's counts.
   *
   * @param start the window's first instant, ISO-8601 UTC (a whole second)
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Window(String start, int received, int answered, int throttled) {}
}
