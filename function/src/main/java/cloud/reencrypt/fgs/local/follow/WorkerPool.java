package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.fgs.local.follow.WorkerProcess.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The worker processes of a {@link FollowRun}, the platform's instances: each is idle or busy with
 * one delivery, a busy one past {@code RUNTIME_TIMEOUT} is killed, and one that ended is replaced
 * while events wait. Used from the run's single thread; only {@link #killAll} may come from a
 * shutdown hook, hence the copy-on-write list of every process started.
 */
final class WorkerPool {
  /** Exit statuses above this are a signal's number plus this (SIGKILL: 137). */
  private static final int SIGNALLED = 128;

  private final FollowRun.Settings settings;
  private final BlockingQueue<Report> inbox;
  private final PrintStream log;
  private final List<WorkerProcess> started = new CopyOnWriteArrayList<>();
  private final List<WorkerProcess> live = new ArrayList<>();
  private final Map<WorkerProcess, Delivery> busy = new LinkedHashMap<>();

  WorkerPool(FollowRun.Settings settings, BlockingQueue<Report> inbox, PrintStream log) {
    this.settings = settings;
    this.inbox = inbox;
    this.log = log;
  }

  /** Starts the run's workers. */
  void start() throws IOException {
    for (int i = 0; i < settings.workers(); i++) {
      startOne();
    }
  }

  /**
   * Each idle worker takes the next queued event; while events wait, workers that ended are
   * replaced.
   */
  void dispatch(Deque<Delivery> queue) throws IOException {
    while (live.size() < settings.workers() && queue.size() > live.size() - busy.size()) {
      startOne();
      log.println("follow: " + live.get(live.size() - 1) + " replaces one that ended");
    }
    for (WorkerProcess worker : live) {
      if (queue.isEmpty()) {
        return;
      }
      if (!busy.containsKey(worker)) {
        Delivery delivery = queue.poll();
        busy.put(worker, delivery);
        // A worker that cannot read has died: its Exited report hands the event back.
        worker.send(delivery.event());
      }
    }
  }

  /** The delivery {@code worker} is busy with, or null. */
  Delivery deliveryOf(WorkerProcess worker) {
    return busy.get(worker);
  }

  /** {@code worker} answered its delivery and is idle again. */
  void answered(WorkerProcess worker) {
    busy.remove(worker);
    worker.finishedEvent();
  }

  /**
   * How a worker ended.
   *
   * @param delivery the delivery it was busy with, or null
   * @param how its end in words: killed after the timeout, by a signal, or its exit status
   */
  record Ended(Delivery delivery, String how) {}

  /** {@code worker} has exited with {@code status}: it leaves the pool and its delivery with it. */
  Ended ended(WorkerProcess worker, int status) {
    live.remove(worker);
    Delivery delivery = busy.remove(worker);
    String how =
        delivery != null && delivery.timedOut()
            ? "was killed after RUNTIME_TIMEOUT (" + settings.timeoutSeconds() + " s)"
            : status > SIGNALLED
                ? "was killed by signal " + (status - SIGNALLED)
                : "exited with status " + status;
    worker.ended(how);
    return new Ended(delivery, how);
  }

  boolean idle() {
    return busy.isEmpty();
  }

  /** Kills the workers whose event has run longer than the function's timeout. */
  void enforceTimeout() {
    long limit = TimeUnit.SECONDS.toNanos(settings.timeoutSeconds());
    busy.forEach(
        (worker, delivery) -> {
          if (delivery.startedNanos() >= 0
              && !delivery.timedOut()
              && System.nanoTime() - delivery.startedNanos() > limit) {
            delivery.timeOut();
            worker.kill();
          }
        });
  }

  /** Each busy worker's event and how long it has run, in whole seconds. */
  List<String> running() {
    List<String> running = new ArrayList<>();
    long now = System.nanoTime();
    busy.forEach(
        (worker, delivery) ->
            running.add(
                "worker "
                    + worker.id()
                    + ": event "
                    + delivery.id()
                    + (delivery.startedNanos() < 0
                        ? " starting"
                        : " for "
                            + TimeUnit.NANOSECONDS.toSeconds(now - delivery.startedNanos())
                            + " s")));
    return running;
  }

  /** Takes back every delivery still running (after an abort). */
  List<Delivery> takeRunning() {
    List<Delivery> running = List.copyOf(busy.values());
    busy.clear();
    return running;
  }

  /** Asks the live workers to stop and waits for them. */
  void stop() throws InterruptedException {
    for (WorkerProcess worker : live) {
      worker.stop();
    }
    live.clear();
  }

  void killAll() {
    started.forEach(WorkerProcess::kill);
  }

  /** Every worker process the run started, for the report. */
  List<WorkerProcess> started() {
    return started;
  }

  private void startOne() throws IOException {
    WorkerProcess worker =
        WorkerProcess.start(started.size() + 1, settings.workerCommand(), inbox, log);
    started.add(worker);
    live.add(worker);
  }
}
