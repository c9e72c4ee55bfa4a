package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.fgs.local.follow.WorkerProtocol.Committed;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The events of a follow run waiting for a worker, and what becomes of each delivery: done,
 * delivered again while it has retries left (as the platform's asynchronous retries), or failed for
 * good. Every outcome is counted in the run's {@link Tally} and said in the log.
 */
final class EventQueue {
  private final Deque<Delivery> waiting = new ArrayDeque<>();
  private final Tally tally;
  private final PrintStream log;
  private final int retries;
  private final ObsShape shape;
  private int events;
  private JsonNode initial;

  /**
   * @param retries how many more times a failed event is delivered
   * @param shape the shape of the object-created events that commits set off
   */
  EventQueue(Tally tally, PrintStream log, int retries, ObsShape shape) {
    this.tally = tally;
    this.log = log;
    this.retries = retries;
    this.shape = shape;
  }

  /** The deliveries waiting, in order; the worker pool takes from the front. */
  Deque<Delivery> waiting() {
    return waiting;
  }

  /** Queues the run's initial event. */
  void initial(String event, String label) {
    waiting.add(new Delivery(++events, event, label));
  }

  /** The initial event's result, once it has one. */
  JsonNode initialResult() {
    return initial;
  }

  /** An object was committed: OBS would now send its object-created event. */
  void fedBack(Committed object) {
    String event =
        RuntimeJson.writeLine(
            EventTemplates.obs(shape, object.bucket(), object.key(), object.etag(), object.size()));
    waiting.add(new Delivery(++events, event, object.bucket() + "/" + object.key()));
    tally.fedBack();
  }

  /** A worker died before it read the event: it goes back first, with no attempt spent. */
  void putBack(Delivery delivery) {
    waiting.addFirst(delivery);
  }

  void returned(WorkerProcess worker, Delivery delivery, JsonNode result) {
    Optional<String> temporary = HandlerResults.temporaryFailure(result);
    if (temporary.isPresent() && retried(delivery, temporary.get())) {
      return;
    }
    if (delivery.id() == 1) {
      initial = result;
    }
    tally.eventDone(delivery, result.path("records"));
    log.println(
        "follow: " + delivery + " done on " + worker + ": " + HandlerResults.outcome(result));
  }

  void failed(Delivery delivery, String reason) {
    if (!retried(delivery, reason)) {
      log.println("follow: " + delivery + " failed for good: " + reason);
      tally.eventFailed(delivery, reason);
    }
  }

  /** After an abort: what is running or queued failed, never delivered to the end. */
  void undelivered(List<Delivery> running, String reason) {
    running.forEach(delivery -> tally.eventFailed(delivery, reason));
    waiting.forEach(delivery -> tally.eventFailed(delivery, reason));
    waiting.clear();
  }

  /** Queues the event again if it has retries left. */
  private boolean retried(Delivery delivery, String reason) {
    if (delivery.attempt() > retries) {
      return false;
    }
    delivery.nextAttempt();
    waiting.add(delivery);
    tally.redelivered();
    log.println(
        "follow: "
            + delivery
            + ": "
            + reason
            + "; delivered again (attempt "
            + delivery.attempt()
            + " of "
            + (retries + 1)
            + ")");
    return true;
  }
}
