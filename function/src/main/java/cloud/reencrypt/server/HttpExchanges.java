package cloud.reencrypt.server;

import cloud.reencrypt.server.auth.SignableRequest;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Reading requests from and writing answers to the JDK server's exchanges. */
public final class HttpExchanges {
  public static final String JSON = "application/json;charset=UTF-8";

  /** How much of an over-long body is read and dropped so that the client gets the error. */
  static final int DISCARD_BYTES = 4 * 1024 * 1024;

  private HttpExchanges() {}

  /** A fresh 32-hex-digit request ID, the form Huawei Cloud's gateway uses. */
  public static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HexFormat.of().toHexDigits(random.nextLong())
        + HexFormat.of().toHexDigits(random.nextLong());
  }

  /**
   * Reads the whole body, chunked or not, or returns empty when it exceeds the limit.
   *
   * <p>An over-long body is still read and thrown away, up to {@link #DISCARD_BYTES} more, before
   * the error is answered: closing a connection with unread bytes makes TCP reset it, and the
   * client would lose the error answer too. A declared {@code Content-Length} beyond even that is
   * refused before anything is read, and the connection is closed.
   */
  public static Optional<byte[]> readBody(HttpExchange exchange, int maxBytes) throws IOException {
    long declared = declaredLength(exchange);
    if (declared > maxBytes + DISCARD_BYTES) {
      exchange.getResponseHeaders().set("Connection", "close");
      return Optional.empty();
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length <= maxBytes) {
        return Optional.of(body);
      }
      discard(in, Math.min(DISCARD_BYTES, declared - body.length));
      return Optional.empty();
    }
  }

  static SignableRequest signable(HttpExchange exchange, byte[] body) {
    return SignableRequest.of(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders(),
        body);
  }

  /** Sends a complete answer with the given headers and closes the exchange. */
  public static void send(
      HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  private static void discard(InputStream in, long bytes) throws IOException {
    byte[] buffer = new byte[8192];
    long left = bytes;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= read;
    }
  }

  /** The declared {@code Content-Length}, or the discard budget when none is declared. */
  private static long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return declared == null ? DISCARD_BYTES : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
