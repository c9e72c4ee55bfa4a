package cloud.reencrypt.service;

import cloud.reencrypt.store.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The jobs API's use case: a job's status, and its cancellation. A cancelled job starts no new part
 * and commits nothing; the parts it committed stay until the work location's lifecycle rule expires
 * them.
 */
public final class JobControl {
  private static final String CANCELLED = "cancelled through the jobs API";

  private final ObjectStore store;
  private final WorkLocation work;
  private final Clock clock;

  public JobControl(ObjectStore store, WorkLocation work, Clock clock) {
    this.store = store;
    this.work = work;
    this.clock = clock;
  }

  /**
   * The job's status, {@code cancelled} as soon as the cancellation is recorded; empty when no such
   * job is in the work location.
   *
   * @throws IllegalArgumentException when {@code id} is not a job id
   */
  public Optional<JobStatus> status(String id) throws IOException {
    JobFolder folder = folder(id);
    Optional<JobStatus> status = folder.status();
    if (status.isPresent() && isOpen(status.get()) && folder.isCancelled()) {
      return Optional.of(status.get().withState(JobStatus.CANCELLED, CANCELLED, clock.instant()));
    }
    return status;
  }

  /**
   * Cancels a job that is not finished; a finished one (committed or failed) is left as it is, and
   * its status says so.
   *
   * @return the job's status after the request; empty when no such job exists
   */
  public Optional<JobStatus> cancel(String id) throws IOException {
    JobFolder folder = folder(id);
    Optional<JobStatus> status = folder.status();
    if (status.isEmpty() || !isOpen(status.get())) {
      return status;
    }
    // Only the marker: the API's agency may write nothing else, and every reader of the status
    // (the API, the instances) takes the marker into account.
    folder.cancel();
    return Optional.of(status.get().withState(JobStatus.CANCELLED, CANCELLED, clock.instant()));
  }

  private JobFolder folder(String id) {
    if (!JobId.isValid(id)) {
      throw new IllegalArgumentException("not a job id");
    }
    return work.job(store, id);
  }

  private static boolean isOpen(JobStatus status) {
    return !JobStatus.COMMITTED.equals(status.state()) && !JobStatus.FAILED.equals(status.state());
  }
}
