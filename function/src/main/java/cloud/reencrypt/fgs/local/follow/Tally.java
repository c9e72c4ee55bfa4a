package cloud.reencrypt.fgs.local.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a follow run has come to so far: events done, failed and delivered again, the records'
 * outcomes, what failed for good, and the last status seen of each job. Gives the progress line and
 * the final report.
 */
final class Tally {
  /** Jobs named on one progress line; the final lines name every job. */
  private static final int JOBS_PER_LINE = 3;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ArrayNode failures = JSON.arrayNode();
  private final Map<String, JsonNode> jobs = new TreeMap<>();
  private int done;
  private int failed;
  private int redelivered;
  private int fedBack;
  private int processed;
  private int skipped;
  private int running;
  private int failedRecords;

  void fedBack() {
    fedBack++;
  }

  void redelivered() {
    redelivered++;
  }

  /** An event whose every attempt failed without a result. */
  void eventFailed(Delivery delivery, String reason) {
    failed++;
    failures.add(failure(delivery).put("reason", reason));
  }

  /**
   * An event whose handler returned: its records' outcomes counted, each failed one kept.
   *
   * @param records the OBS summary's records; missing for an APIG response
   */
  void eventDone(Delivery delivery, JsonNode records) {
    done++;
    for (JsonNode record : records) {
      switch (record.path("status").asText()) {
        case "processed" -> processed++;
        case "skipped" -> skipped++;
        // A job's share done here; the job goes on in other events, and its status decides.
        case "running" -> running++;
        default -> {
          failedRecords++;
          ObjectNode failure = failure(delivery);
          if (record instanceof ObjectNode summary) {
            failure.setAll(summary);
          }
          failures.add(failure);
        }
      }
    }
  }

  /** The statuses of a scan, replacing what earlier scans saw of the same jobs. */
  void jobs(Map<String, JsonNode> scanned) {
    jobs.putAll(scanned);
  }

  /** Nothing failed and every job seen committed. */
  boolean succeeded() {
    return failures.isEmpty() && jobs.values().stream().allMatch(JobStatuses::isCommitted);
  }

  /**
   * The progress line; {@code all} names every job, otherwise a few.
   *
   * @param running one phrase per busy worker: its event and for how long
   */
  String progress(int queued, List<String> running, int workers, boolean all) {
    StringBuilder line =
        new StringBuilder()
            .append("events: ")
            .append(done)
            .append(" done, ")
            .append(queued)
            .append(" queued, ")
            .append(redelivered)
            .append(" redelivered, ")
            .append(failed + failedRecords)
            .append(" failed; workers: ")
            .append(running.size())
            .append(" of ")
            .append(workers)
            .append(" busy");
    if (!running.isEmpty()) {
      line.append(" (").append(String.join(", ", running)).append(')');
    }
    int shown = 0;
    for (Map.Entry<String, JsonNode> job : jobs.entrySet()) {
      if (!all && shown == JOBS_PER_LINE) {
        line.append("; ").append(jobs.size() - shown).append(" more jobs");
        break;
      }
      line.append(all ? "\n  " : "; ").append(JobStatuses.describe(job.getKey(), job.getValue()));
      shown++;
    }
    return line.toString();
  }

  /**
   * The report {@code invoke --follow} prints.
   *
   * @param initial the initial event's handler result, or null when it never returned
   * @param workers every worker process the run started
   * @param aborted why the run stopped early, or null
   */
  JsonNode report(JsonNode initial, List<WorkerProcess> workers, String aborted) {
    ObjectNode report = JSON.objectNode();
    report.put("succeeded", aborted == null && succeeded());
    if (aborted != null) {
      report.put("aborted", aborted);
    }
    report.set("initial", initial);
    ObjectNode events = report.putObject("events");
    events.put("done", done).put("failed", failed).put("redelivered", redelivered);
    events.put("fedBack", fedBack);
    report
        .putObject("records")
        .put("processed", processed)
        .put("skipped", skipped)
        .put("running", running)
        .put("failed", failedRecords);
    ArrayNode pool = report.putArray("workers");
    for (WorkerProcess worker : workers) {
      ObjectNode entry = pool.addObject().put("worker", worker.id()).put("pid", worker.pid());
      entry.put("events", worker.events());
      worker.ending().ifPresent(ending -> entry.put("ended", ending));
    }
    report.set("failures", failures);
    report.putArray("jobs").addAll(jobs.values());
    return report;
  }

  private static ObjectNode failure(Delivery delivery) {
    return JSON.objectNode()
        .put("event", delivery.id())
        .put("label", delivery.label())
        .put("attempts", delivery.attempt());
  }
}
