package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.service.PartRecord.PartCursor;
import cloud.reencrypt.service.WorkLocation.WorkItem;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The manifest job use case: a manifest larger than one part is planned, cut into parts and ranges,
 * run part by part with a checkpoint after each, handed on when the invocation's time runs short,
 * fanned out over instances, and assembled. Every step reads its state from the work location
 * ({@link JobFolder}), so an invocation that is cut off, delivered twice or invoked again later
 * resumes at the first part not committed.
 */
final class ManifestJobs {
  private static final String CANCELLED = "cancelled through the jobs API";

  /** Time kept back at a hand-on for writing the continuation and the status. */
  static final long HAND_ON_MARGIN_MILLIS = 3_000;

  private final ObjectStore store;
  private final ObjectSettings settings;
  private final PartRunner parts;
  private final JobAssembly assembly;
  private final IntSupplier remainingMillis;
  private final Clock clock;

  ManifestJobs(
      ObjectStore store,
      ReEncryptService service,
      ObjectSettings settings,
      IntSupplier remainingMillis,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.parts = new PartRunner(store, service, settings.manifestConcurrency());
    this.assembly = new JobAssembly(store, clock);
    this.remainingMillis = remainingMillis;
    this.clock = clock;
  }

  /** The job of a manifest's event: planned on its first delivery, resumed on any later one. */
  JobStatus start(ObjectInfo source, OutputLocation output) throws IOException {
    WorkLocation work = workLocation(source.bucket());
    JobFolder folder =
        work.job(store, JobId.forManifest(source.bucket(), source.key(), source.etag()));
    Optional<JobPlan> planned = folder.plan();
    JobPlan plan = planned.isPresent() ? planned.get() : plan(folder, source, output);
    if (folder.isCancelled()) {
      return status(folder, plan, JobStatus.CANCELLED, CANCELLED);
    }
    JobProgress progress = JobProgress.read(folder, plan);
    for (int range = 1; range < plan.ranges().size(); range++) {
      if (progress.next().get(range).isPresent()) {
        folder.handOut(range);
      }
    }
    return run(folder, plan, 0, progress);
  }

  /**
   * A work item's range: an empty result when the job is gone (finished and tidied, or never
   * planned), which makes a late or stray work item harmless.
   */
  Optional<JobStatus> resume(WorkLocation work, WorkItem item) throws IOException {
    JobFolder folder = work.job(store, item.jobId());
    Optional<JobPlan> plan = folder.plan();
    if (plan.isEmpty() || item.range() >= plan.get().ranges().size()) {
      return Optional.empty();
    }
    JobProgress progress = JobProgress.read(folder, plan.get());
    return Optional.of(run(folder, plan.get(), item.range(), progress));
  }

  /**
   * Finishes the tidying of a job whose output is already committed, if a crash interrupted it: a
   * redelivered event then leaves the same state as an uninterrupted run.
   */
  void tidy(String bucket, String key, String etag) throws IOException {
    JobFolder folder = workLocation(bucket).job(store, JobId.forManifest(bucket, key, etag));
    Optional<JobPlan> plan = folder.plan();
    if (plan.isPresent() && assembly.isDone(plan.get())) {
      assembly.finish(folder, plan.get());
    }
  }

  WorkLocation workLocation(String eventBucket) {
    return WorkLocation.forEvent(settings.workBucket(), settings.workPrefix(), eventBucket);
  }

  private JobPlan plan(JobFolder folder, ObjectInfo source, OutputLocation output)
      throws IOException {
    List<JobPlan.Range> ranges =
        source.size() > settings.fanoutBytes()
            ? cut(source)
            : List.of(new JobPlan.Range(0, source.size(), 1));
    JobPlan plan =
        new JobPlan(
            folder.id(),
            source.bucket(),
            source.key(),
            source.etag(),
            source.size(),
            output.bucket(),
            output.key(),
            settings.destinationKeyId(),
            settings.destinationAlgorithm(),
            settings.partBytes(),
            ranges,
            clock.instant().toString());
    folder.writePlan(plan);
    status(folder, plan, JobStatus.RUNNING, null);
    return plan;
  }

  private List<JobPlan.Range> cut(ObjectInfo source) throws IOException {
    try (var in = store.open(source.bucket(), source.key(), 0, source.size())) {
      return RangeCutter.cut(in.content(), source.size(), settings.fanoutBytes());
    }
  }

  /**
   * Runs one range from its first part not committed, then assembles if the job is complete.
   *
   * @param progress the job's progress as the caller read it: where the range starts again
   */
  private JobStatus run(JobFolder folder, JobPlan plan, int range, JobProgress progress)
      throws IOException {
    if (assembly.isDone(plan)) {
      return assembly.finish(folder, plan);
    }
    try {
      Optional<JobStatus> stoppedEarly = runParts(folder, plan, range, progress.next().get(range));
      return stoppedEarly.isPresent() ? stoppedEarly.get() : assembleIfComplete(folder, plan);
    } catch (JobStoppedException e) {
      String state = e.isTemporary() ? JobStatus.STOPPED : JobStatus.FAILED;
      return status(folder, plan, state, e.getMessage());
    } catch (KmsException e) {
      if (!e.isTransient()) {
        throw e;
      }
      return status(folder, plan, JobStatus.STOPPED, e.errorCode() + ": " + e.errorMsg());
    }
  }

  /**
   * Commits the range's parts one by one, a status after each; empty when the range is done, or the
   * status with which this invocation stops early (cancelled, or handed on for lack of time).
   */
  private Optional<JobStatus> runParts(
      JobFolder folder, JobPlan plan, int range, Optional<PartCursor> next) throws IOException {
    long parts = plan.ranges().get(range).parts(plan.partBytes());
    long lastPartMillis = -1;
    while (next.isPresent()) {
      if (folder.isCancelled()) {
        return Optional.of(status(folder, plan, JobStatus.CANCELLED, CANCELLED));
      }
      if (lastPartMillis >= 0 && !hasTimeFor(lastPartMillis)) {
        folder.handOn(range, next.get().index(), JobInstance.ID + "-" + clock.millis());
        return Optional.of(status(folder, plan, JobStatus.RUNNING, null));
      }
      PartRecord done = this.parts.run(plan, folder, next.get());
      lastPartMillis = done.millis();
      next = done.index() + 1 < parts ? Optional.of(done.next()) : Optional.empty();
      status(folder, plan, JobStatus.RUNNING, null);
    }
    return Optional.empty();
  }

  private JobStatus assembleIfComplete(JobFolder folder, JobPlan plan) throws IOException {
    JobProgress progress = JobProgress.read(folder, plan);
    if (!progress.isComplete()) {
      return progress.status(plan, JobStatus.RUNNING, null, clock.instant());
    }
    if (folder.isCancelled()) {
      return status(folder, plan, JobStatus.CANCELLED, CANCELLED);
    }
    return assembly.assemble(folder, plan, progress);
  }

  private boolean hasTimeFor(long partMillis) {
    return remainingMillis.getAsInt() > 2 * partMillis + HAND_ON_MARGIN_MILLIS;
  }

  private JobStatus status(JobFolder folder, JobPlan plan, String state, String reason)
      throws IOException {
    JobStatus status = JobProgress.read(folder, plan).status(plan, state, reason, clock.instant());
    folder.writeStatus(status);
    return status;
  }
}
