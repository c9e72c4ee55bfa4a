package cloud.reencrypt.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slowloris clients: connections to a loopback server that each send one byte of a request head a
 * second and never finish it. A connection the server drops is opened again, so the load stays at
 * {@code count} trickling connections for as long as it runs. One thread drives them all.
 */
public final class SlowClients implements AutoCloseable {
  /** A head that never ends: a header value that keeps growing, one byte a second. */
  private static final byte[] HEAD =
      ("POST /v1.0/slow/kms/noop HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(100_000))
          .getBytes(StandardCharsets.ISO_8859_1);

  private final int port;
  private final List<Trickle> connections = new ArrayList<>();
  private final ScheduledExecutorService ticker;
  private long ticks;
  private long reconnects;

  private SlowClients(int port, int count) throws IOException {
    this.port = port;
    for (int i = 0; i < count; i++) {
      connections.add(new Trickle(new Socket(InetAddress.getLoopbackAddress(), port)));
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "slow-clients");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
  }

  /** Opens {@code count} connections to the port and starts trickling. */
  public static SlowClients start(int port, int count) throws IOException {
    return new SlowClients(port, count);
  }

  /** Waits until every connection has sent at least {@code bytes} bytes of its head. */
  public synchronized void awaitBytesSent(int bytes) throws InterruptedException {
    while (ticks < bytes) {
      wait();
    }
  }

  /** Connections open now (each mid-request). */
  public synchronized int open() {
    return (int) connections.stream().filter(c -> !c.socket.isClosed()).count();
  }

  /** Connections the server dropped (and that were opened again) so far. */
  public synchronized long reconnects() {
    return reconnects;
  }

  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    connections.forEach(Trickle::close);
  }

  private synchronized void tick() {
    for (int i = 0; i < connections.size(); i++) {
      Trickle trickle = connections.get(i);
      if (!trickle.sendOne()) {
        trickle.close();
        connections.set(i, reopen());
      }
    }
    ticks++;
    notifyAll();
  }

  private Trickle reopen() {
    reconnects++;
    try {
      Trickle fresh = new Trickle(new Socket(InetAddress.getLoopbackAddress(), port));
      fresh.sendOne();
      return fresh;
    } catch (IOException e) {
      throw new IllegalStateException("the server no longer accepts connections", e);
    }
  }

  /** One connection and how much of the head it has sent. */
  private static final class Trickle {
    private final Socket socket;
    private int sent;

    Trickle(Socket socket) {
      this.socket = socket;
    }

    boolean sendOne() {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(HEAD[sent++ % HEAD.length]);
        out.flush();
        return socket.getInputStream().available() == 0; // the server answered: it gave up
      } catch (IOException e) {
        return false;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }
}
