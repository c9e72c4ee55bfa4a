package cloud.reencrypt.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty bound to 127.0.0.1 only, with the limits a server facing hostile clients needs. The JDK's
 * built-in server read each request on a worker thread, so a few clients trickling bytes could hold
 * every worker; Jetty reads requests on non-blocking selectors and hands a handler a request only
 * when its headers are complete, and {@link BodyReader} waits for bodies without a thread.
 *
 * <ul>
 *   <li>A client silent for {@link #IDLE_TIMEOUT} is dropped (mid-request or idle keep-alive), and
 *       one still trickling its request head after {@link SlowRequestGuard#HEAD_DEADLINE} too.
 *   <li>Request heads over {@link #MAX_HEADER_BYTES} are refused (431, or 414 for the URI).
 *   <li>Every answer Jetty makes itself goes through {@link JsonErrorHandler}: JSON, never HTML.
 *   <li>{@link #close()} lets requests in progress finish for up to {@link #DRAIN}.
 * </ul>
 */
public final class LoopbackHttpServer implements AutoCloseable {
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DRAIN = Duration.ofSeconds(5);

  /** Far above what an SDK sends (a signed request's head is under 1 KB). */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /**
   * Threads run handlers (the engine, the function) and Jetty's acceptor and selectors; slow
   * clients hold none, so this bounds only the requests served at once.
   */
  static final int MAX_THREADS = Math.max(32, 8 * Runtime.getRuntime().availableProcessors());

  private final Server server;
  private final ServerConnector connector;
  private final GracefulHandler graceful;

  private LoopbackHttpServer(Server server, ServerConnector connector, GracefulHandler graceful) {
    this.server = server;
    this.connector = connector;
    this.graceful = graceful;
  }

  /**
   * Starts serving every path with one handler.
   *
   * @param port the port, or 0 for any free one
   * @param name names the server's threads
   * @param maxBodyBytes bodies longer than this reach the handler as empty ({@link HttpCall#body})
   * @param errors the server's answers to requests refused before the handler
   */
  public static LoopbackHttpServer start(
      int port, String name, int maxBodyBytes, CallHandler handler, ErrorAnswers errors)
      throws IOException {
    Server server = new Server(threads(name));
    ServerConnector connector = connector(server, port);
    server.addConnector(connector);
    SlowRequestGuard guard = new SlowRequestGuard(connector);
    connector.addBean(guard);
    CallBridge bridge = new CallBridge(handler, errors, maxBodyBytes);
    GracefulHandler graceful = new GracefulHandler(guard.marking(bridge));
    server.setHandler(graceful);
    server.setErrorHandler(new JsonErrorHandler(errors));
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    return new LoopbackHttpServer(server, connector, graceful);
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * Lets requests in progress finish (up to {@link #DRAIN}; new ones are refused with 503
   * meanwhile), then stops. The wait is done here rather than by Jetty's stop timeout, which also
   * waits for idle keep-alive connections to close and so adds a second to every stop.
   */
  @Override
  public void close() {
    try {
      graceful.shutdown().get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Drained as far as it would: the rest is cut off by the stop.
    }
    stopQuietly(server);
  }

  private static ServerConnector connector(Server server, int port) {
    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(MAX_HEADER_BYTES);
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    // One acceptor, two selectors: enough to multiplex thousands of connections on loopback.
    ServerConnector connector =
        new ServerConnector(server, 1, 2, new HttpConnectionFactory(config));
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    return connector;
  }

  private static QueuedThreadPool threads(String name) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName(name);
    // Daemon threads: a server left open must not keep a finished command's JVM alive.
    threads.setDaemon(true);
    return threads;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping is best effort: connections are closed either way.
    }
  }
}
