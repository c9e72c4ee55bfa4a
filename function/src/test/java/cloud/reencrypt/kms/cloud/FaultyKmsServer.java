package cloud.reencrypt.kms.cloud;

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
final class FaultyKmsServer implements AutoCloseable {
  /** What the server does with one request. */
  @FunctionalInterface
  interface Fault {
    void act(Socket socket, OutputStream out, CountDownLatch closed) throws IOException;
  }

  /** One request as received: path, headers (lower-case names) and the de-chunked body. */
  record Received(String method, String path, Map<String, String> headers, String body) {}

  private final ServerSocket listener;
  private final Deque<Fault> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Fault fallback;

  FaultyKmsServer(String fallbackBody) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    fallback = respond(200, fallbackBody);
    Thread acceptor = new Thread(this::acceptLoop, "faulty-kms-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Queues faults for the next requests, in order. */
  synchronized FaultyKmsServer then(Fault... faults) {
    Collections.addAll(script, faults);
    return this;
  }

  /** What every request gets once the script is used up. */
  FaultyKmsServer otherwise(Fault fault) {
    fallback = fault;
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** A complete answer with a JSON body. */
  static Fault respond(int status, String json) {
    return (socket, out, closed) -> {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String head =
          "HTTP/1.1 "
              + status
              + " Status\r\nContent-Type: application/json\r\nContent-Length: "
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
  static Fault kmsError(int status, String code) {
    return respond(
        status,
        "{\"error\":{\"error_code\":\"" + code + "\",\"error_msg\":\"fault " + code + "\"}}");
  }

  /** The API gateway's flat throttling answer. */
  static Fault throttled() {
    return respond(
        429,
        "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been"
            + " reached\",\"request_id\":\"r-1\"}");
  }

  /** Reads the request and never answers, until the server closes. */
  static Fault hold() {
    return (socket, out, closed) -> {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Aborts the connection with a TCP reset (SO_LINGER 0) instead of answering. */
  static Fault reset() {
    return (socket, out, closed) -> {
      socket.setSoLinger(true, 0);
      socket.close();
    };
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
      received.add(read(in));
      next().act(socket, socket.getOutputStream(), closed);
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
