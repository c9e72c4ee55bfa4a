package cloud.reencrypt.service;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.OutputMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a finished job's parts into its output and then tidies the job away, in an order that
 * any crash and any second instance can resume: the output (whole or nothing, from the parts in
 * order, so two assemblers write the same bytes), then {@code report.json} beside it, then {@code
 * status.json} as committed, then the removal of parts and work items. Whoever finds the output
 * already made from the job's source ETag only finishes the remaining steps.
 */
final class JobAssembly {
  static final String REPORT_SUFFIX = ".report.json";

  private final ObjectStore store;
  private final Clock clock;

  JobAssembly(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Whether the job's output exists, made from the job's source content. */
  boolean isDone(JobPlan plan) throws ObjectStoreException {
    return OutputMetadata.isUpToDate(
        store, plan.outputBucket(), plan.outputKey(), plan.sourceEtag());
  }

  /** Assembles a complete job, or finishes one whose output another instance already made. */
  JobStatus assemble(JobFolder folder, JobPlan plan, JobProgress progress) throws IOException {
    if (!isDone(plan)) {
      // The parts may be an old content's: its output must not replace the new content's.
      plan.requireSource(
          store.head(plan.sourceBucket(), plan.sourceKey()).map(ObjectInfo::etag).orElse(null));
      try {
        store.compose(
            plan.outputBucket(), plan.outputKey(), metadata(plan), parts(folder, plan, progress));
      } catch (ObjectStoreException e) {
        // Another assembler may have committed and removed the parts while this one read them.
        if (!isDone(plan)) {
          throw e;
        }
      }
    }
    return finish(folder, plan);
  }

  /**
   * The steps after the output: report, committed status, removal of the work state. The counts
   * come from the part records while they all exist; once removal has begun, the committed status
   * already holds them.
   */
  JobStatus finish(JobFolder folder, JobPlan plan) throws IOException {
    JobProgress progress = JobProgress.read(folder, plan);
    JobStatus committed;
    if (progress.isComplete()) {
      committed = progress.status(plan, JobStatus.COMMITTED, null, clock.instant());
      writeReport(plan, committed);
      folder.writeStatus(committed);
    } else {
      committed =
          folder
              .status()
              .filter(status -> JobStatus.COMMITTED.equals(status.state()))
              .orElseThrow(() -> partMissing(plan));
    }
    folder.removeWorkState();
    return committed;
  }

  /**
   * The report beside the output, unless an output made from some source is there already (a source
   * named like a report, {@code m.jsonl.report.json}, has its output at that key): an output is
   * never replaced by a report, and the job's {@code status.json} keeps the same figures.
   */
  private void writeReport(JobPlan plan, JobStatus committed) throws IOException {
    String key = plan.outputKey() + REPORT_SUFFIX;
    Optional<ObjectInfo> existing = store.head(plan.outputBucket(), key);
    if (existing.isPresent()
        && existing.get().userMetadata(OutputMetadata.SOURCE_ETAG).isPresent()) {
      return;
    }
    byte[] report = JsonMapping.write(committed).getBytes(StandardCharsets.UTF_8);
    store.write(plan.outputBucket(), key, Map.of(), out -> out.write(report));
  }

  private static Map<String, String> metadata(JobPlan plan) {
    return Map.of(
        OutputMetadata.SOURCE_ETAG, plan.sourceEtag(),
        OutputMetadata.DESTINATION_KEY_ID, plan.destinationKeyId());
  }

  private static List<ObjectInfo> parts(JobFolder folder, JobPlan plan, JobProgress progress)
      throws ObjectStoreException {
    List<ObjectInfo> parts = new ArrayList<>(progress.records().size());
    for (PartRecord record : progress.records()) {
      parts.add(
          folder.partLines(record.range(), record.index()).orElseThrow(() -> partMissing(plan)));
    }
    return parts;
  }

  private static ObjectStoreException partMissing(JobPlan plan) {
    return new ObjectStoreException(
        ObjectStoreException.Reason.UNAVAILABLE,
        "job " + plan.jobId() + " is missing the lines of a committed part",
        null);
  }
}
