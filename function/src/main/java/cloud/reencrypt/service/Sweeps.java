package cloud.reencrypt.service;

import cloud.reencrypt.service.SweepPage.Listed;
import cloud.reencrypt.service.WorkLocation.WorkItem;
import cloud.reencrypt.store.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The sweep use case: re-encrypts what a bucket already holds. Starting ({@link SweepStart}) writes
 * the plan and the first listing page; each page is a work item whose invocation first writes the
 * next page (the checkpointed cursor, so listing goes on in parallel) and then handles its objects
 * as events ({@link SweepObjects}), and commits the page's record. The status is summed from the
 * records; the sweep is committed when the last page's record and every other are written.
 */
final class Sweeps {
  private static final int CANCEL_EVERY = 25;
  private static final String CANCELLED = "cancelled through the jobs API";

  private final ObjectStore store;
  private final ReEncryptService service;
  private final ObjectSettings settings;
  private final IntSupplier remainingMillis;
  private final Clock clock;

  Sweeps(
      ObjectStore store,
      ReEncryptService service,
      ObjectSettings settings,
      IntSupplier remainingMillis,
      Clock clock) {
    this.store = store;
    this.service = service;
    this.settings = settings;
    this.remainingMillis = remainingMillis;
    this.clock = clock;
  }

  /** A page work item: empty when its sweep or page is gone, which makes a stray item harmless. */
  Optional<JobStatus> resume(WorkLocation work, WorkItem item) throws IOException {
    SweepFolder folder = new SweepFolder(work.job(store, item.jobId()));
    Optional<SweepPlan> plan = folder.plan();
    Optional<SweepPage> page = plan.isEmpty() ? Optional.empty() : folder.page(item.range());
    if (page.isEmpty()) {
      return Optional.empty();
    }
    if (folder.isDone(item.range())) {
      return Optional.of(status(folder, plan.get(), null, null));
    }
    if (folder.job().isCancelled()) {
      return Optional.of(status(folder, plan.get(), JobStatus.CANCELLED, CANCELLED));
    }
    Optional<SweepRecord> partial =
        WorkLocation.isContinuation(item) ? folder.continuation(item.name()) : Optional.empty();
    SweepOutcome.Tally tally =
        partial.map(SweepOutcome.Tally::new).orElseGet(SweepOutcome.Tally::new);
    return Optional.of(run(folder, plan.get(), page.get(), tally));
  }

  /**
   * Handles a page's objects from the tally's next one: cancellation is looked at every {@value
   * #CANCEL_EVERY} objects, and the page is handed on when the time left is short (after at least
   * one object, so every invocation makes progress).
   */
  private JobStatus run(
      SweepFolder folder, SweepPlan plan, SweepPage page, SweepOutcome.Tally tally)
      throws IOException {
    long started = clock.millis();
    if (page.nextMarker() != null && folder.page(page.index() + 1).isEmpty()) {
      folder.writePage(
          SweepPage.list(store, work(plan), plan, page.index() + 1, page.nextMarker()));
    }
    Optional<JobStatus> stoppedEarly = handleObjects(folder, plan, page, tally);
    return stoppedEarly.isPresent()
        ? stoppedEarly.get()
        : commit(folder, plan, tally.record(page, clock.millis() - started));
  }

  /**
   * Handles the page's objects from the first one not handled yet; the status with which this
   * invocation stops early (cancelled, or handed on for lack of time), if it does.
   */
  private Optional<JobStatus> handleObjects(
      SweepFolder folder, SweepPlan plan, SweepPage page, SweepOutcome.Tally tally)
      throws IOException {
    SweepObjects objects = new SweepObjects(store, service, settings, remainingMillis, plan);
    List<Listed> listed = page.objects();
    int first = tally.handled();
    for (int i = first; i < listed.size(); i++) {
      if (i > first && (i - first) % CANCEL_EVERY == 0 && folder.job().isCancelled()) {
        return Optional.of(status(folder, plan, JobStatus.CANCELLED, CANCELLED));
      }
      if (i > first && remainingMillis.getAsInt() < 2 * ManifestJobs.HAND_ON_MARGIN_MILLIS) {
        folder.handOn(tally.record(page, 0), JobInstance.ID + "-" + clock.millis());
        return Optional.of(status(folder, plan, JobStatus.RUNNING, null));
      }
      tally.add(listed.get(i).key(), objects.handle(listed.get(i)), plan.request().dryRun());
    }
    return Optional.empty();
  }

  /** Commits the page's record, then writes the sweep's status. */
  private JobStatus commit(SweepFolder folder, SweepPlan plan, SweepRecord record)
      throws IOException {
    folder.commit(record);
    JobStatus status = status(folder, plan, null, null);
    // Pages finishing together: one that read the records before another's commit may write
    // "running" over the other's "committed". Reading them again after writing "running", and
    // writing only "committed" then, leaves the last write right: a page whose commit this second
    // read misses commits after it, so it reads every record and its own write comes later.
    if (JobStatus.RUNNING.equals(status.state()) && folder.progress().isComplete()) {
      return status(folder, plan, null, null);
    }
    return status;
  }

  private WorkLocation work(SweepPlan plan) {
    return WorkLocation.forEvent(
        settings.workBucket(), settings.workPrefix(), plan.request().bucket());
  }

  private JobStatus status(SweepFolder folder, SweepPlan plan, String state, String reason)
      throws IOException {
    return status(folder, plan, state, reason, clock);
  }

  /**
   * Writes the status as the records give it.
   *
   * @param state null for {@code committed} when every page is done, else {@code running}
   */
  static JobStatus status(
      SweepFolder folder, SweepPlan plan, String state, String reason, Clock clock)
      throws IOException {
    SweepProgress progress = folder.progress();
    String now =
        state != null ? state : progress.isComplete() ? JobStatus.COMMITTED : JobStatus.RUNNING;
    JobStatus status = progress.status(plan, now, reason, clock.instant());
    folder.job().writeStatus(status);
    if (plan.request().dryRun() && JobStatus.COMMITTED.equals(now)) {
      folder.writeReport(SweepReport.of(status, progress.records()));
    }
    return status;
  }
}
