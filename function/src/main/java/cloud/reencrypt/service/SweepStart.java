package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.store.ObjectStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts sweeps: writes the claim, the plan and the first listing page, whose event starts the work
 * ({@link Sweeps}). Needs no KMS: the API function starts sweeps that the OBS function runs.
 */
public final class SweepStart {
  /** Keys per listing page: the most one OBS {@code ListObjects} returns. */
  public static final int PAGE_SIZE = 1000;

  private static final int TRIES = 8;
  private static final long MIN_PAUSE_MILLIS = 20;
  private static final long FIRST_PAUSE_MILLIS = 200;
  private static final long MAX_PAUSE_MILLIS = 1600;

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

  /**
   * Starts a sweep, or answers the running sweep with an equal request, also when an equal start
   * runs at the same moment ({@link SweepIndex}: a start that gives way tries again after a random
   * pause, up to {@value #FIRST_PAUSE_MILLIS} ms and doubling each time to {@value
   * #MAX_PAUSE_MILLIS} ms, so that starts that keep meeting spread out; then it finds the other's
   * sweep).
   *
   * @return the status; its {@code job_id} names the sweep
   * @throws KmsException 409 when {@value #TRIES} tries in a row gave way and no equal sweep runs
   *     (one that died while starting blocks equal starts for {@link SweepIndex#STARTING})
   */
  public JobStatus start(SweepRequest request, int pageSize) throws IOException {
    return start(request, pageSize, Integer.MAX_VALUE);
  }

  /**
   * Starts a sweep as above, unless {@code cap} sweeps run in the work location already (counted
   * with the claims, so two sweeps started at once cannot both take the last place).
   *
   * @throws KmsException 409 at the cap
   */
  public JobStatus start(SweepRequest request, int pageSize, int cap) throws IOException {
    WorkLocation work = workLocation(request.bucket());
    if (work.overlaps(settings.outputBucket().orElse(request.bucket()), settings.outputPrefix())) {
      throw KmsError.INVALID_PARAMETER.exception(
          "in bucket " + request.bucket() + " the output and work locations overlap");
    }
    SweepIndex index = new SweepIndex(store, work, clock);
    for (int tries = 0; tries < TRIES; tries++) {
      Optional<JobStatus> running = index.running(request);
      if (running.isPresent()) {
        return running.get();
      }
      SweepFolder folder = new SweepFolder(work.job(store, JobId.forSweep()));
      switch (index.claim(request, folder.job().id(), cap)) {
        case STARTS -> {
          return begin(work, folder, request, pageSize);
        }
        case AT_CAP -> throw conflict("MAX_RUNNING_JOBS sweeps are running already");
        case GIVES_WAY -> pause(tries);
      }
    }
    throw conflict("other sweeps are being started at this moment; try again");
  }

  private static KmsException conflict(String message) {
    return new KmsException(KmsError.INVALID_PARAMETER.code(), 409, message);
  }

  private JobStatus begin(WorkLocation work, SweepFolder folder, SweepRequest request, int pageSize)
      throws IOException {
    SweepPlan plan =
        new SweepPlan(
            folder.job().id(),
            request,
            settings.outputBucket().orElse(null),
            settings.outputPrefix(),
            pageSize,
            clock.instant().toString());
    folder.writePlan(plan);
    JobStatus status = Sweeps.status(folder, plan, JobStatus.RUNNING, null, clock);
    try {
      folder.writePage(SweepPage.list(store, work, plan, 0, null));
    } catch (IOException | RuntimeException e) {
      // A sweep whose first page was never written has no work that could ever finish it; left
      // running, it would hold a place under MAX_RUNNING_JOBS for good.
      Sweeps.status(folder, plan, JobStatus.FAILED, "the first page could not be listed", clock);
      throw e;
    }
    return status;
  }

  private static void pause(int tries) throws IOException {
    long longest = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << tries);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(MIN_PAUSE_MILLIS, longest + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while an equal sweep was starting");
    }
  }

  /** The key of a sweep's first page, whose object-created event starts its work. */
  public static String firstPage(WorkLocation work, String jobId) {
    return work.folder(jobId) + SweepFolder.PAGES + "/p000000.json";
  }
}
