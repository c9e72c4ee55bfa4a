package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.fgs.local.follow.WorkerProcess.Exited;
import cloud.reencrypt.fgs.local.follow.WorkerProcess.Report;
import cloud.reencrypt.fgs.local.follow.WorkerProcess.Said;
import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs an event and everything it sets off, as FunctionGraph would: each object an invocation
 * commits becomes an OBS object-created event (the initial event's shape when it is an OBS event,
 * else EventGrid's) for the next free worker, until no event is queued and no worker is busy.
 *
 * <p>Like the platform's asynchronous retries, an event is delivered again, up to {@code retries}
 * more times, when its worker dies while handling it (killed, crashed, out of memory, or killed by
 * this driver once the invocation has run {@code RUNTIME_TIMEOUT}), when the handler throws, or
 * when its summary marks a record {@code temporary}; a dead worker is replaced. Progress goes to
 * the log about once a second; job statuses are read from the directory store each time.
 *
 * <p>Single-threaded: the workers' reader threads only post to an inbox this loop drains.
 */
public final class FollowRun {
  /**
   * How to run.
   *
   * @param jobs where the jobs' statuses are read
   * @param workers how many worker processes at once
   * @param retries how many more times a failed event is delivered
   * @param workerCommand the command that starts one worker process ({@link WorkerLoop})
   * @param timeoutSeconds {@code RUNTIME_TIMEOUT}: a worker still busy with one event after this
   *     long is killed
   */
  public record Settings(
      JobWatch jobs, int workers, int retries, List<String> workerCommand, int timeoutSeconds) {
    public Settings {
      workerCommand = List.copyOf(workerCommand);
    }
  }

  /**
   * What the run came to.
   *
   * @param succeeded nothing failed for good and every job seen committed
   * @param report the statuses, counts and the initial event's result, to print
   */
  public record Outcome(boolean succeeded, JsonNode report) {}

  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** Workers in a row that exit before they are ready make the run give up. */
  private static final int START_FAILURES = 3;

  private static final ObjectReader COMMITTED = JsonMapping.reader(WorkerProtocol.Committed.class);
  private static final ObjectReader RESULT = JsonMapping.reader(JsonNode.class);

  private final Settings settings;
  private final PrintStream log;
  private final BlockingQueue<Report> inbox = new LinkedBlockingQueue<>();
  private final WorkerPool workers;
  private final Tally tally = new Tally();
  private final EventQueue queue;
  private int startFailures;
  private String aborted;

  private FollowRun(Settings settings, PrintStream log, ObsShape shape) {
    this.settings = settings;
    this.log = log;
    this.workers = new WorkerPool(settings, inbox, log);
    this.queue = new EventQueue(tally, log, settings.retries(), shape);
  }

  /**
   * Runs the event and what follows from it.
   *
   * @param event the initial event's text, already known to be an APIG or OBS event
   * @param label what to call it in the log (its file)
   * @param log where progress and the workers' own log lines go
   */
  public static Outcome run(Settings settings, String event, String label, PrintStream log)
      throws IOException, InterruptedException {
    ObsShape shape = ObsShape.of(RuntimeJson.event(event, Object.class)).orElse(ObsShape.EVENTGRID);
    FollowRun run = new FollowRun(settings, log, shape);
    Thread cleanup = new Thread(run.workers::killAll, "follow-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return run.run(RuntimeJson.oneLine(event), label);
    } finally {
      run.workers.killAll();
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
  }

  private Outcome run(String event, String label) throws IOException, InterruptedException {
    workers.start();
    queue.initial(event, label);
    long nextTick = System.nanoTime() + TICK_NANOS;
    while (aborted == null) {
      workers.dispatch(queue.waiting());
      if (queue.waiting().isEmpty() && workers.idle()) {
        break;
      }
      Report report = inbox.poll(Math.max(0, nextTick - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (report != null) {
        take(report);
      }
      if (System.nanoTime() - nextTick >= 0) {
        workers.enforceTimeout();
        progress(false);
        nextTick = System.nanoTime() + TICK_NANOS;
      }
    }
    if (aborted != null) {
      workers.killAll();
      queue.undelivered(workers.takeRunning(), aborted);
    }
    workers.stop();
    progress(true);
    return new Outcome(
        aborted == null && tally.succeeded(),
        tally.report(queue.initialResult(), workers.started(), aborted));
  }

  private void take(Report report) {
    WorkerProcess worker = report.worker();
    if (report instanceof Exited exited) {
      exited(worker, exited.status());
      return;
    }
    WorkerProtocol.Message message = ((Said) report).message();
    Delivery delivery = workers.deliveryOf(worker);
    boolean answer =
        message.type().equals(WorkerProtocol.RESULT) || message.type().equals(WorkerProtocol.ERROR);
    if (answer && delivery != null && delivery.timedOut()) {
      // Sent as the kill landed: the platform never sees an answer from an instance it has ended,
      // and the worker stays busy with that event until its exit is seen.
      return;
    }
    said(worker, delivery, message);
  }

  /** A line from a worker, about the delivery it is busy with (null: none). */
  private void said(WorkerProcess worker, Delivery delivery, WorkerProtocol.Message message) {
    switch (message.type()) {
      case WorkerProtocol.READY -> {
        worker.markReady();
        startFailures = 0;
      }
      case WorkerProtocol.COMMITTED ->
          queue.fedBack(JsonMapping.read(COMMITTED, message.payload()));
      case WorkerProtocol.STARTED -> started(worker, delivery);
      case WorkerProtocol.RESULT -> {
        if (delivery != null) {
          workers.answered(worker);
          queue.returned(worker, delivery, JsonMapping.read(RESULT, message.payload()));
        }
      }
      case WorkerProtocol.ERROR -> errored(worker, delivery, message.payload());
      default -> log.println("follow: " + worker + " sent " + message.type() + " unasked");
    }
  }

  private void started(WorkerProcess worker, Delivery delivery) {
    if (delivery != null) {
      delivery.started(System.nanoTime());
      log.println(
          "follow: " + delivery + " started on " + worker + ", attempt " + delivery.attempt());
    }
  }

  /** The handler threw, or (with no delivery) the worker reports a problem of its own. */
  private void errored(WorkerProcess worker, Delivery delivery, String error) {
    if (delivery != null) {
      workers.answered(worker);
      queue.failed(delivery, "the handler failed: " + error);
    } else {
      log.println("follow: " + worker + ": " + error);
    }
  }

  private void exited(WorkerProcess worker, int status) {
    WorkerPool.Ended end = workers.ended(worker, status);
    Delivery delivery = end.delivery();
    String how = end.how();
    if (!worker.ready()) {
      // It never read the event: the event goes back first, no attempt spent.
      log.println("follow: " + worker + " " + how + " before it was ready");
      if (delivery != null) {
        queue.putBack(delivery);
      }
      if (++startFailures >= START_FAILURES) {
        aborted =
            START_FAILURES
                + " workers in a row exited before they were ready (the last one "
                + how
                + "); see their lines above";
        return;
      }
    } else {
      log.println(
          "follow: "
              + worker
              + " "
              + how
              + (delivery == null ? "" : " while handling " + delivery));
      if (delivery != null) {
        queue.failed(delivery, "its worker " + how);
      }
    }
  }

  private void progress(boolean end) {
    tally.jobs(settings.jobs().statuses());
    log.println(
        "follow: "
            + (end ? "finished: " : "")
            + tally.progress(queue.waiting().size(), workers.running(), settings.workers(), end));
  }
}
