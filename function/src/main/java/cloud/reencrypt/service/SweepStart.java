package cloud.reencrypt.service;

import cloud.reencrypt.store.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Starts sweeps: writes the plan, the index entry and the first listing page, whose event starts
 * the work ({@link Sweeps}). Needs no KMS: the API function starts sweeps that the OBS function
 * runs.
 */
public final class SweepStart {
  /** Keys per listing page: the most one OBS {@code ListObjects} returns. */
  public static final int PAGE_SIZE = 1000;

  private final ObjectStore store;
  private final ObjectSettings settings;
  private final Clock clock;

  public SweepStart(ObjectStore store, ObjectSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** The work location of a sweep of {@code bucket}. */
  public WorkLocation workLocation(String bucket) {
    return WorkLocation.forEvent(settings.workBucket(), settings.workPrefix(), bucket);
  }

  /** Sweeps running in the work location of {@code bucket}. */
  public int running(String bucket) throws IOException {
    return new SweepIndex(store, workLocation(bucket)).countRunning();
  }

  /** The running sweep with an equal request, if any. */
  public Optional<JobStatus> equal(SweepRequest request) throws IOException {
    return new SweepIndex(store, workLocation(request.bucket())).running(request);
  }

  /**
   * Starts a sweep, or answers the running sweep with an equal request.
   *
   * @return the status; its {@code job_id} names the sweep
   */
  public JobStatus start(SweepRequest request, int pageSize) throws IOException {
    Optional<JobStatus> running = equal(request);
    if (running.isPresent()) {
      return running.get();
    }
    WorkLocation work = workLocation(request.bucket());
    SweepIndex index = new SweepIndex(store, work);
    SweepFolder folder = new SweepFolder(work.job(store, JobId.forSweep()));
    SweepPlan plan =
        new SweepPlan(
            folder.job().id(),
            request,
            settings.outputBucket().orElse(null),
            settings.outputPrefix(),
            pageSize,
            clock.instant().toString());
    folder.writePlan(plan);
    index.record(request, plan.jobId());
    JobStatus status = Sweeps.status(folder, plan, JobStatus.RUNNING, null, clock);
    folder.writePage(SweepPage.list(store, work, plan, 0, null));
    return status;
  }

  /** The key of a sweep's first page, whose object-created event starts its work. */
  public static String firstPage(WorkLocation work, String jobId) {
    return work.folder(jobId) + SweepFolder.PAGES + "/p000000.json";
  }
}
