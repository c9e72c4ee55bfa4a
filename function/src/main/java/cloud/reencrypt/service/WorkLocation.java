package cloud.reencrypt.service;

import cloud.reencrypt.store.ObjectStore;
import java.util.Optional;

/**
 * The work location ({@code WORK_BUCKET}, {@code WORK_PREFIX}): where jobs keep their state and
 * hand work to one another. It is never an output location, and objects in it are work items, never
 * sources. The only deletes the function makes are of job state under it ({@link JobFolder}).
 *
 * @param bucket the work bucket
 * @param prefix the work prefix, ending in {@code /}
 */
public record WorkLocation(String bucket, String prefix) {
  private static final String JOBS = "jobs/";

  /**
   * The work location for an event's jobs.
   *
   * @param workBucket {@code WORK_BUCKET}; empty means the event's bucket
   */
  public static WorkLocation forEvent(Optional<String> workBucket, String prefix, String bucket) {
    return new WorkLocation(workBucket.orElse(bucket), prefix);
  }

  /** Whether an object is in the work location. */
  public boolean contains(String bucket, String key) {
    return this.bucket.equals(bucket) && key.startsWith(prefix);
  }

  /**
   * Whether the keys under {@code prefix} in {@code bucket} and this location's keys can meet: one
   * prefix starts the other. Outputs there would be taken for work items, and job clean-up would
   * delete them.
   */
  public boolean overlaps(String bucket, String prefix) {
    return this.bucket.equals(bucket)
        && (this.prefix.startsWith(prefix) || prefix.startsWith(this.prefix));
  }

  /** A job's folder. */
  public JobFolder job(ObjectStore store, String jobId) {
    return new JobFolder(store, this, jobId);
  }

  /** The key prefix of a job's folder. */
  String folder(String jobId) {
    return prefix + JOBS + jobId + "/";
  }

  /**
   * What a work object is: a range or continuation item names its job and range; anything else in
   * the work location (plans, parts, status) is state, announced by its event but not work.
   */
  Optional<WorkItem> item(String key) {
    if (!key.startsWith(prefix + JOBS)) {
      return Optional.empty();
    }
    String[] path = key.substring(prefix.length() + JOBS.length()).split("/", -1);
    if (path.length != 3 || !JobId.isValid(path[0])) {
      return Optional.empty();
    }
    return WorkItem.parse(path[0], path[1], path[2]);
  }

  /** Whether an item hands on work begun by an earlier invocation. */
  static boolean isContinuation(WorkItem item) {
    return item.name().startsWith(JobFolder.CONTINUATIONS + "/");
  }

  /**
   * A range to run (the first item of a fanned-out range, or a continuation handed on), or a
   * sweep's listing page to process ({@code pages/pNNNNNN.json}, or its continuation).
   *
   * @param jobId the job
   * @param range the range index; for a sweep, the page index
   * @param name the item's name in its job folder, e.g. {@code ranges/r0001.json}
   */
  record WorkItem(String jobId, int range, String name) {
    static Optional<WorkItem> parse(String jobId, String folder, String name) {
      boolean work =
          JobId.isSweep(jobId)
              ? folder.equals(SweepFolder.PAGES) && name.matches("p[0-9]{6}\\.json")
                  || folder.equals(JobFolder.CONTINUATIONS) && name.matches("p[0-9]{6}-.+\\.json")
              : folder.equals(JobFolder.RANGES) && name.matches("r[0-9]{4}\\.json")
                  || folder.equals(JobFolder.CONTINUATIONS) && name.matches("r[0-9]{4}-.+\\.json");
      int digits = JobId.isSweep(jobId) ? 7 : 5;
      return work
          ? Optional.of(
              new WorkItem(jobId, Integer.parseInt(name.substring(1, digits)), folder + "/" + name))
          : Optional.empty();
    }
  }
}
