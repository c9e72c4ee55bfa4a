package cloud.reencrypt.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server command ({@code serve}, {@code start-api}) running in-process on its own thread, as
 * {@code java -jar ... serve} would run: its stdout lines as they come, and a stop that interrupts
 * the command the way Ctrl-C's shutdown hook would, returning the exit status.
 */
final class RunningServer {
  /** A command run with stdout and stderr. */
  interface Run {
    int run(PrintStream out, PrintStream err) throws Exception;
  }

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger status = new AtomicInteger(-1);
  private final Thread thread;

  private RunningServer(Run run) {
    PrintStream out = new PrintStream(new LineSink(lines), true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    thread =
        new Thread(
            () -> {
              try {
                status.set(run.run(out, errStream));
              } catch (Exception e) {
                errStream.println(e);
                status.set(99);
              }
            },
            "running-server");
    thread.start();
  }

  static RunningServer start(Run run) {
    return new RunningServer(run);
  }

  /** The next stdout line; null if the command ended without printing one. */
  String nextLine() throws InterruptedException {
    while (true) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null || !thread.isAlive()) {
        return line != null ? line : lines.poll();
      }
    }
  }

  /** Stops the command as its shutdown hook would and returns its exit status. */
  int stop() throws InterruptedException {
    thread.interrupt();
    thread.join();
    return status.get();
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Splits written bytes into lines. */
  private static final class LineSink extends OutputStream {
    private final BlockingQueue<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineSink(BlockingQueue<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(current.toString(StandardCharsets.UTF_8));
        current.reset();
      } else {
        current.write(b);
      }
    }
  }
}
