package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.fgs.local.follow.WorkerProcess.Exited;
import cloud.reencrypt.fgs.local.follow.WorkerProcess.Report;
import cloud.reencrypt.fgs.local.follow.WorkerProcess.Said;
import cloud.reencrypt.fgs.local.follow.WorkerProtocol.Committed;
import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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

  /** Exit statuses above this are a signal's number plus this (SIGKILL: 137). */
  private static final int SIGNALLED = 128;

  private static final ObjectReader COMMITTED = JsonMapping.reader(Committed.class);
  private static final ObjectReader RESULT = JsonMapping.reader(JsonNode.class);

  private final Settings settings;
  private final PrintStream log;
  private final ObsShape shape;
  private final BlockingQueue<Report> inbox = new LinkedBlockingQueue<>();
  private final Deque<Delivery> queue = new ArrayDeque<>();
  private final List<WorkerProcess> started = new CopyOnWriteArrayList<>();
  private final List<WorkerProcess> pool = new ArrayList<>();
  private final Map<WorkerProcess, Delivery> busy = new LinkedHashMap<>();
  private final Tally tally = new Tally();
  private int events;
  private int startFailures;
  private String aborted;
  private JsonNode initial;

  private FollowRun(Settings settings, PrintStream log, ObsShape shape) {
    this.settings = settings;
    this.log = log;
    this.shape = shape;
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
    Thread cleanup = new Thread(run::killAll, "follow-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return run.run(RuntimeJson.oneLine(event), label);
    } finally {
      run.killAll();
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
  }

  private Outcome run(String event, String label) throws IOException, InterruptedException {
    for (int i = 0; i < settings.workers(); i++) {
      startWorker();
    }
    queue.add(new Delivery(++events, event, label));
    long nextTick = System.nanoTime() + TICK_NANOS;
    while (aborted == null) {
      dispatch();
      if (queue.isEmpty() && busy.isEmpty()) {
        break;
      }
      Report report = inbox.poll(Math.max(0, nextTick - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (report != null) {
        take(report);
      }
      if (System.nanoTime() - nextTick >= 0) {
        enforceTimeout();
        progress(false);
        nextTick = System.nanoTime() + TICK_NANOS;
      }
    }
    if (aborted != null) {
      killAll();
      undelivered();
    }
    stopWorkers();
    progress(true);
    return new Outcome(
        aborted == null && tally.succeeded(), tally.report(initial, started, aborted));
  }

  private void startWorker() throws IOException {
    WorkerProcess worker =
        WorkerProcess.start(started.size() + 1, settings.workerCommand(), inbox, log);
    started.add(worker);
    pool.add(worker);
  }

  /**
   * Each idle worker takes the next queued event; while events wait, workers that died are
   * replaced.
   */
  private void dispatch() throws IOException {
    while (pool.size() < settings.workers() && queue.size() > pool.size() - busy.size()) {
      startWorker();
      log.println("follow: " + pool.get(pool.size() - 1) + " replaces one that ended");
    }
    for (WorkerProcess worker : pool) {
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

  private void take(Report report) {
    WorkerProcess worker = report.worker();
    if (report instanceof Exited exited) {
      exited(worker, exited.status());
      return;
    }
    WorkerProtocol.Message message = ((Said) report).message();
    Delivery delivery = busy.get(worker);
    boolean answer =
        message.type().equals(WorkerProtocol.RESULT) || message.type().equals(WorkerProtocol.ERROR);
    if (answer && delivery != null && delivery.timedOut()) {
      // Sent as the kill landed: the platform never sees an answer from an instance it has ended,
      // and the worker stays busy with that event until its exit is seen.
      return;
    }
    switch (message.type()) {
      case WorkerProtocol.READY -> {
        worker.markReady();
        startFailures = 0;
      }
      case WorkerProtocol.COMMITTED -> fedBack(JsonMapping.read(COMMITTED, message.payload()));
      case WorkerProtocol.STARTED -> {
        if (delivery != null) {
          delivery.started(System.nanoTime());
          log.println(
              "follow: " + delivery + " started on " + worker + ", attempt " + delivery.attempt());
        }
      }
      case WorkerProtocol.RESULT -> {
        if (delivery != null) {
          busy.remove(worker);
          worker.finishedEvent();
          returned(worker, delivery, JsonMapping.read(RESULT, message.payload()));
        }
      }
      case WorkerProtocol.ERROR -> {
        if (delivery != null) {
          busy.remove(worker);
          worker.finishedEvent();
          failed(delivery, "the handler failed: " + message.payload());
        } else {
          log.println("follow: " + worker + ": " + message.payload());
        }
      }
      default -> log.println("follow: " + worker + " sent " + message.type() + " unasked");
    }
  }

  /** An object was committed: OBS would now send its object-created event. */
  private void fedBack(Committed object) {
    String event =
        RuntimeJson.writeLine(
            EventTemplates.obs(shape, object.bucket(), object.key(), object.etag(), object.size()));
    queue.add(new Delivery(++events, event, object.bucket() + "/" + object.key()));
    tally.fedBack();
  }

  private void returned(WorkerProcess worker, Delivery delivery, JsonNode result) {
    JsonNode records = result.path("records");
    for (JsonNode record : records) {
      if (record.path("temporary").asBoolean(false)
          && retried(
              delivery,
              record.path("bucket").asText()
                  + "/"
                  + record.path("key").asText()
                  + " failed temporarily: "
                  + record.path("reason").asText())) {
        return;
      }
    }
    if (delivery.id() == 1) {
      initial = result;
    }
    tally.eventDone(delivery, records);
    log.println("follow: " + delivery + " done on " + worker + ": " + outcome(result));
  }

  /** The result in a few words: one record's status, the records' counts, or an HTTP status. */
  private static String outcome(JsonNode result) {
    JsonNode records = result.path("records");
    if (records.size() == 1) {
      JsonNode record = records.get(0);
      return record.path("status").asText()
          + (record.hasNonNull("reason") ? " (" + record.get("reason").asText() + ")" : "");
    }
    if (result.has("records")) {
      return result.path("processed").asInt()
          + " processed, "
          + result.path("skipped").asInt()
          + " skipped, "
          + result.path("failed").asInt()
          + " failed";
    }
    return "statusCode " + result.path("statusCode").asText("?");
  }

  private void failed(Delivery delivery, String reason) {
    if (!retried(delivery, reason)) {
      log.println("follow: " + delivery + " failed for good: " + reason);
      tally.eventFailed(delivery, reason);
    }
  }

  /** Queues the event again if it has retries left. */
  private boolean retried(Delivery delivery, String reason) {
    if (delivery.attempt() > settings.retries()) {
      return false;
    }
    delivery.nextAttempt();
    queue.add(delivery);
    tally.redelivered();
    log.println(
        "follow: "
            + delivery
            + ": "
            + reason
            + "; delivered again (attempt "
            + delivery.attempt()
            + " of "
            + (settings.retries() + 1)
            + ")");
    return true;
  }

  private void exited(WorkerProcess worker, int status) {
    pool.remove(worker);
    Delivery delivery = busy.remove(worker);
    String how =
        delivery != null && delivery.timedOut()
            ? "was killed after RUNTIME_TIMEOUT (" + settings.timeoutSeconds() + " s)"
            : status > SIGNALLED
                ? "was killed by signal " + (status - SIGNALLED)
                : "exited with status " + status;
    worker.ended(how);
    if (!worker.ready()) {
      // It never read the event: the event goes back first, no attempt spent.
      log.println("follow: " + worker + " " + how + " before it was ready");
      if (delivery != null) {
        queue.addFirst(delivery);
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
        failed(delivery, "its worker " + how);
      }
    }
  }

  /** Kills the workers whose event has run longer than the function's timeout. */
  private void enforceTimeout() {
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

  /** After an abort: what is queued or running failed, never delivered to the end. */
  private void undelivered() {
    busy.values().forEach(delivery -> tally.eventFailed(delivery, aborted));
    queue.forEach(delivery -> tally.eventFailed(delivery, aborted));
    busy.clear();
    queue.clear();
  }

  private void stopWorkers() throws InterruptedException {
    for (WorkerProcess worker : pool) {
      worker.stop();
    }
    pool.clear();
  }

  private void killAll() {
    started.forEach(WorkerProcess::kill);
  }

  private void progress(boolean end) {
    tally.jobs(settings.jobs().statuses());
    log.println(
        "follow: "
            + (end ? "finished: " : "")
            + tally.progress(queue.size(), running(), settings.workers(), end));
  }

  /** Each busy worker's event and how long it has run, in whole seconds. */
  private List<String> running() {
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
}
