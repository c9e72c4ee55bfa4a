package cloud.reencrypt.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose, for faults the real {@code serve} cannot
 * produce: throttling, runs of 5xx, answers held past the client's read timeout, reset connections.
 * Each request takes the next scripted {@link Fault}; when the script is empty it gets the fallback
 * (a 200 with a fixed body). Every request is recorded; every connection is closed after one
 * exchange, so each attempt is a fresh connection and OkHttp never retries one silently.
 */
public final class FaultyKmsServer implements AutoCloseable {
  /** What the server does with one request. */
  @FunctionalInterface
  public interface Fault {
    void act(Exchange exchange) throws IOException;
  }

  /** One request being handled: what came in, the connection, and the server's stop signal. */
  public record Exchange(
      Received request, Socket socket, OutputStream out, CountDownLatch closed) {}

  /** One request as received: path, headers (lower-case names) and the de-chunked body. */
  public record Received(String method, String path, Map<String, String> headers, String body) {}

  private static final java.util.Set<String> HOP_BY_HOP =
      java.util.Set.of("transfer-encoding", "content-length", "connection");

  private final ServerSocket listener;
  private final Deque<Fault> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Fault fallback;

  public FaultyKmsServer(String fallbackBody) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    fallback = respond(200, fallbackBody);
    Thread acceptor = new Thread(this::acceptLoop, "faulty-kms-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Queues faults for the next requests, in order. */
  public synchronized FaultyKmsServer then(Fault... faults) {
    Collections.addAll(script, faults);
    return this;
  }

  /** What every request gets once the script is used up. */
  public FaultyKmsServer otherwise(Fault fault) {
    fallback = fault;
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** A complete answer with a JSON body. */
  public static Fault respond(int status, String json) {
    return respond(status, "application/json", json);
  }

  /** A complete answer with a body of the given content type. */
  public static Fault respond(int status, String contentType, String json) {
    return exchange -> {
      OutputStream out = exchange.out();
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String head =
          "HTTP/1.1 "
              + status
              + " Status\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + body.length
              + "\r\nX-Request-Id: faulty-"
              + status
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    };
  }

  /** KMS's nested error body. */
  public static Fault kmsError(int status, String code) {
    return respond(
        status,
        "{\"error\":{\"error_code\":\"" + code + "\",\"error_msg\":\"fault " + code + "\"}}");
  }

  /** The API gateway's flat throttling answer. */
  public static Fault throttled() {
    return respond(
        429,
        "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been"
            + " reached\",\"request_id\":\"r-1\"}");
  }

  /** Reads the request and never answers, until the server closes. */
  public static Fault hold() {
    return exchange -> {
      try {
        exchange.closed().await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Aborts the connection with a TCP reset (SO_LINGER 0) instead of answering. */
  public static Fault reset() {
    return exchange -> {
      exchange.socket().setSoLinger(true, 0);
      exchange.socket().close();
    };
  }

  /**
   * Passes the request, byte for byte as signed (Host header included), to a real server and its
   * answer back: the server in front of {@code serve} that fails only when told to.
   */
  public static Fault forwardTo(URI target) {
    return exchange -> {
      Received request = exchange.request();
      try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
        request.headers().entrySet().stream()
            .filter(h -> !HOP_BY_HOP.contains(h.getKey()))
            .forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        upstream.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
        upstream.getOutputStream().write(body);
        upstream.getOutputStream().flush();
        byte[] answer = upstream.getInputStream().readAllBytes();
        exchange.out().write(closingConnection(answer));
        exchange.out().flush();
      }
    };
  }

  /** The answer with {@code Connection: close} added, matching what this server does. */
  private static byte[] closingConnection(byte[] answer) {
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0 || text.substring(0, end).toLowerCase(Locale.ROOT).contains("connection: close")) {
      return answer;
    }
    return (text.substring(0, end) + "\r\nConnection: close" + text.substring(end))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread worker = new Thread(() -> serve(socket), "faulty-kms-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException stopped) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      Received request = read(in);
      received.add(request);
      next().act(new Exchange(request, socket, socket.getOutputStream(), closed));
    } catch (IOException clientWentAway) {
      // the client gave up (timeout) or the fault closed the socket
    }
  }

  private synchronized Fault next() {
    return script.isEmpty() ? fallback : script.poll();
  }

  private static Received read(InputStream in) throws IOException {
    String[] requestLine = line(in).split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    byte[] body =
        "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
            ? chunked(in)
            : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    return new Received(
        requestLine[0], requestLine[1], headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; ) {
      body.write(in.readNBytes(size));
      line(in);
      size = Integer.parseInt(line(in).trim(), 16);
    }
    line(in);
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-request");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
