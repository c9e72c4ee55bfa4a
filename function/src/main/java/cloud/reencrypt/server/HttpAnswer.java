package cloud.reencrypt.server;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A complete answer from a local server: status, headers and body, written in one go. The body is
 * zeroed once written (it may hold plaintext, e.g. from {@code decrypt-data}).
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json;charset=UTF-8";

  /** A fresh 32-hex-digit request ID, the form Huawei Cloud's gateway uses. */
  public static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HexFormat.of().toHexDigits(random.nextLong())
        + HexFormat.of().toHexDigits(random.nextLong());
  }

  /** Headers and body only: the body may hold plaintext. */
  @Override
  public String toString() {
    return "HttpAnswer[" + status + " " + headers + ", " + body.length + " bytes]";
  }
}
