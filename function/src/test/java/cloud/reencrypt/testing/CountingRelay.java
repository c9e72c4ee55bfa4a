package cloud.reencrypt.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a real server that counts every byte it passes, in both
 * directions. A client pointed at {@link #endpoint()} talks to the server unchanged (the relay
 * neither reads nor alters HTTP), so the count is the traffic the client really caused: the way to
 * tell a server-side copy (a few requests) from content streamed through the client. It also counts
 * the connections, which tells a client that keeps its connections alive from one that does not.
 */
public final class CountingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** A relay to {@code 127.0.0.1:port} of {@code target}. */
  public CountingRelay(URI target) throws IOException {
    this.targetPort = target.getPort();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("relay-accept", this::accept);
  }

  /** The endpoint to give the client, {@code http://127.0.0.1:PORT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** TCP connections clients have opened through the relay so far. */
  public int connections() {
    return connections.get();
  }

  /** Bytes passed so far, both directions together. */
  public long bytes() {
    return bytes.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void accept() {
    try {
      while (true) {
        Socket client = track(listener.accept());
        connections.incrementAndGet();
        Socket server = track(new Socket(InetAddress.getLoopbackAddress(), targetPort));
        daemon("relay-up", () -> pump(client, server));
        daemon("relay-down", () -> pump(server, client));
      }
    } catch (IOException closed) {
      // The relay was closed; its connections go with it.
    }
  }

  /**
   * Copies one direction until it ends, counting each chunk before passing it on. Either side
   * closing ends the connection for both, as it would without the relay.
   */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.addAndGet(n);
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // One side went away, or the relay was closed: the connection is over either way.
    }
  }

  private Socket track(Socket socket) {
    sockets.add(socket);
    return socket;
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
