package cloud.reencrypt.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Drops connections that trickle a request head (slowloris). Jetty's idle timeout resets on every
 * byte, so a client sending one byte a second is never idle, and the header size limit alone lets
 * it linger for hours. Here a connection that has sent bytes since its last answer (or since it
 * opened) but has not completed a request head within {@link #HEAD_DEADLINE} is closed. Idle
 * keep-alive connections (no new bytes) are left to the idle timeout; a request being handled is
 * never cut off.
 *
 * <p>Checked by a sweep every {@link #SWEEP}, so a connection lasts at most the deadline plus one
 * sweep. Uses only Jetty's public connection API (bytes received, open and close events).
 */
final class SlowRequestGuard extends AbstractLifeCycle implements Connection.Listener {
  /** Far above what a real client needs to send a few hundred bytes of head on loopback. */
  static final Duration HEAD_DEADLINE = Duration.ofSeconds(10);

  static final Duration SWEEP = Duration.ofSeconds(1);

  private final ServerConnector connector;
  private final Map<Connection, Progress> connections = new ConcurrentHashMap<>();
  private volatile Scheduler.Task sweep;

  SlowRequestGuard(ServerConnector connector) {
    this.connector = connector;
  }

  /** Wraps the server's handler so that a request in progress is never counted as slow. */
  Handler marking(Handler next) {
    return new Handler.Wrapper(next) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        Progress progress = connections.get(request.getConnectionMetaData().getConnection());
        if (progress == null) {
          return super.handle(request, response, callback);
        }
        progress.started();
        return super.handle(request, response, Callback.from(progress::answered, callback));
      }
    };
  }

  @Override
  public void onOpened(Connection connection) {
    connections.put(connection, new Progress(connection));
  }

  @Override
  public void onClosed(Connection connection) {
    connections.remove(connection);
  }

  @Override
  protected void doStart() {
    schedule();
  }

  @Override
  protected void doStop() {
    Scheduler.Task task = sweep;
    if (task != null) {
      task.cancel();
    }
  }

  private void schedule() {
    sweep = connector.getScheduler().schedule(this::sweep, SWEEP);
  }

  private void sweep() {
    long now = System.nanoTime();
    connections.values().forEach(progress -> progress.check(now));
    if (isRunning()) {
      schedule();
    }
  }

  /** One connection: how many bytes it had at its last answer, and since when it sends more. */
  private static final class Progress {
    private final Connection connection;
    private boolean handling;
    private long bytesAtAnswer;
    private long headSince = -1;

    Progress(Connection connection) {
      this.connection = connection;
    }

    synchronized void started() {
      handling = true;
      headSince = -1;
    }

    synchronized void answered() {
      handling = false;
      bytesAtAnswer = connection.getBytesIn();
    }

    void check(long now) {
      if (overdue(now)) {
        connection.getEndPoint().close();
      }
    }

    private synchronized boolean overdue(long now) {
      if (handling || connection.getBytesIn() <= bytesAtAnswer) {
        return false;
      }
      if (headSince < 0) {
        headSince = now;
      }
      return now - headSince > HEAD_DEADLINE.toNanos();
    }
  }
}
