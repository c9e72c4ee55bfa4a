package cloud.reencrypt.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a server command running until the process is asked to stop (Ctrl-C, SIGTERM) or, when the
 * command runs in-process, its thread is interrupted. Closing it after the server lets the shutdown
 * hook return only once the server has stopped cleanly.
 */
final class UntilShutdown implements AutoCloseable {
  /** How long the shutdown hook waits for the command to stop its server. */
  private static final long STOP_WAIT_SECONDS = 10;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stopFromHook, "reencrypt-shutdown");
  private boolean interrupted;

  UntilShutdown() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Blocks until a stop is requested. */
  void await() {
    try {
      stopRequested.await();
    } catch (InterruptedException e) {
      interrupted = true; // an in-process stop: close the server first, then re-assert it
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running and returns now that we stopped.
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopFromHook() {
    stopRequested.countDown();
    try {
      stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
