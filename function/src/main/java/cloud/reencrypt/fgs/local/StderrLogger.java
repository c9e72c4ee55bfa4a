package cloud.reencrypt.fgs.local;

import com.huawei.services.runtime.RuntimeLogger;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A {@link RuntimeLogger} that writes one line per message to a stream (stderr by default, so
 * {@code invoke}'s stdout stays pure JSON), prefixed with the level and request ID as the platform
 * prefixes its lines.
 */
final class StderrLogger implements RuntimeLogger {
  private static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARN", "ERROR");

  private final PrintStream out;
  private final String requestId;
  private volatile int threshold = LEVELS.indexOf("INFO");

  StderrLogger(PrintStream out, String requestId) {
    this.out = out;
    this.requestId = requestId;
  }

  @Override
  public void log(String message) {
    out.println(requestId + " " + message);
  }

  @Override
  public void debug(String message) {
    write("DEBUG", message);
  }

  @Override
  public void info(String message) {
    write("INFO", message);
  }

  @Override
  public void warn(String message) {
    write("WARN", message);
  }

  @Override
  public void error(String message) {
    write("ERROR", message);
  }

  @Override
  public void setLevel(String level) {
    int index = LEVELS.indexOf(level == null ? "" : level.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      threshold = index;
    }
  }

  private void write(String level, String message) {
    if (LEVELS.indexOf(level) >= threshold) {
      out.println(level + " " + requestId + " " + message);
    }
  }
}
