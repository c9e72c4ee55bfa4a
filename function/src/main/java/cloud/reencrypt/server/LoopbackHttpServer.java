package cloud.reencrypt.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's built-in HTTP server bound to 127.0.0.1 only, with a fixed pool of worker threads. It
 * is enough for a local test server (keep-alive, chunked request bodies, {@code Expect:
 * 100-continue}) and adds no dependency to the function jar.
 *
 * <p>The JDK server reads each request on a worker thread, so a client that sends its request
 * slowly holds a worker. The pool is therefore larger than the core count, and the server's own
 * request and response deadlines ({@code sun.net.httpserver.maxReqTime} / {@code maxRspTime}, set
 * here to 30 s unless the user set them) close such connections. {@code nodelay} avoids the 40 ms
 * Nagle/delayed-ACK stall on keep-alive connections.
 */
public final class LoopbackHttpServer implements AutoCloseable {
  static final long DRAIN_MILLIS = 5_000;
  static final int WORKER_THREADS = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

  static {
    defaultProperty("sun.net.httpserver.maxReqTime", "30");
    defaultProperty("sun.net.httpserver.maxRspTime", "30");
    defaultProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final Object idle = new Object();
  private int inFlight;

  private LoopbackHttpServer(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /**
   * Starts serving every path with one handler.
   *
   * @param port the port, or 0 for any free one
   * @param name names the worker threads
   */
  public static LoopbackHttpServer start(int port, String name, HttpHandler handler)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService workers = workerPool(name);
    server.setExecutor(workers);
    LoopbackHttpServer loopback = new LoopbackHttpServer(server, workers);
    server.createContext("/", loopback.counting(handler));
    server.start();
    return loopback;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * Lets exchanges in progress finish (for up to {@link #DRAIN_MILLIS}), then stops the server and
   * its pool. The wait is counted here because the JDK 17 server's own {@code stop(delay)} always
   * waits the whole delay when nothing is in progress.
   */
  @Override
  public void close() {
    try {
      awaitIdle();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    workers.shutdownNow();
  }

  private HttpHandler counting(HttpHandler handler) {
    return exchange -> {
      synchronized (idle) {
        inFlight++;
      }
      try {
        handler.handle(exchange);
      } finally {
        synchronized (idle) {
          if (--inFlight == 0) {
            idle.notifyAll();
          }
        }
      }
    };
  }

  private void awaitIdle() throws InterruptedException {
    long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
    synchronized (idle) {
      long left = DRAIN_MILLIS;
      while (inFlight > 0 && left > 0) {
        idle.wait(left);
        left = deadline - System.currentTimeMillis();
      }
    }
  }

  private static ExecutorService workerPool(String name) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        WORKER_THREADS,
        WORKER_THREADS,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }
}
