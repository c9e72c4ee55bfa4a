package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.mapping.JsonReadException;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.store.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The OBS use case: re-encrypts the object one event names into its output location. Guarantees:
 * the source is only read; the output is written whole or not at all (the store's upload); an
 * output that already records the source's ETag is left alone (OBS delivers events at least once);
 * objects under the output location are skipped; the same bucket with an empty prefix is refused. A
 * failure that may pass (KMS or OBS unavailable, an I/O error) is marked temporary in the summary;
 * one that cannot (a missing bucket, a refused key or name) is not, so redelivering the event is
 * only worth it for the former.
 */
public final class ObjectReEncryption {
  /** Largest single-ciphertext object; KMS's largest ciphertext is a few kilobytes. */
  public static final int MAX_CIPHERTEXT_BYTES = ObjectOutputs.MAX_CIPHERTEXT_BYTES;

  private final ObjectStore store;
  private final ObjectSettings settings;
  private final ObjectOutputs outputs;
  private final ManifestJobs jobs;
  private final Sweeps sweeps;

  /**
   * @param remainingMillis the invocation's remaining time, which decides when a job hands on
   */
  public ObjectReEncryption(
      ObjectStore store,
      ReEncryptService service,
      ObjectSettings settings,
      IntSupplier remainingMillis) {
    this(store, service, settings, remainingMillis, null);
  }

  /** The use case for one sweep's objects: outputs record the sweep's id. */
  ObjectReEncryption(
      ObjectStore store,
      ReEncryptService service,
      ObjectSettings settings,
      IntSupplier remainingMillis,
      String sweepId) {
    this.store = store;
    this.settings = settings;
    this.jobs = new ManifestJobs(store, service, settings, remainingMillis, Clock.systemUTC());
    this.outputs = new ObjectOutputs(store, service, settings, jobs, sweepId);
    this.sweeps = new Sweeps(store, service, settings, remainingMillis, Clock.systemUTC());
  }

  /** Processes one event; never throws for a failure of this one object. */
  public RecordSummary process(ObjectEvent event) {
    Optional<String> refusal = refusal(event);
    if (refusal.isPresent()) {
      return RecordSummary.failed(event, null, refusal.get());
    }
    if (!event.isObjectCreated()) {
      return RecordSummary.skipped(event, "not an object-created event");
    }
    WorkLocation work = jobs.workLocation(event.bucket());
    if (work.contains(event.bucket(), event.key())) {
      return workItem(event, work);
    }
    if (isUnderOutput(event)) {
      return RecordSummary.skipped(event, "the object is under the output location");
    }
    OutputLocation output =
        OutputLocation.of(
            settings.outputBucket(), settings.outputPrefix(), event.bucket(), event.key());
    return guarded(event, () -> reEncrypt(event, output));
  }

  /** Runs one step of the use case, turning any failure of this one object into its summary. */
  private static RecordSummary guarded(ObjectEvent event, Step step) {
    try {
      return step.run();
    } catch (KmsException e) {
      return e.isTransient()
          ? RecordSummary.failedTemporarily(event, e.errorCode(), e.errorMsg())
          : RecordSummary.failed(event, e.errorCode(), e.errorMsg());
    } catch (ObjectStoreException e) {
      return e.reason() == ObjectStoreException.Reason.UNAVAILABLE
          ? RecordSummary.failedTemporarily(event, null, e.getMessage())
          : RecordSummary.failed(event, null, e.getMessage());
    } catch (JsonReadException e) {
      return RecordSummary.failed(event, null, "unreadable job state: " + e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      return RecordSummary.failedTemporarily(event, null, "reading or writing the object failed");
    } catch (RuntimeException e) {
      // A defect must not cost the event's other records; the class name only, as a message may
      // carry data.
      return RecordSummary.failed(event, null, "unexpected error: " + e.getClass().getName());
    }
  }

  /** A work object: a range or continuation runs its job; job state is only announced. */
  private RecordSummary workItem(ObjectEvent event, WorkLocation work) {
    Optional<WorkLocation.WorkItem> item = work.item(event.key());
    if (item.isEmpty()) {
      return RecordSummary.skipped(event, "job state in the work location");
    }
    return guarded(
        event,
        () ->
            (JobId.isSweep(item.get().jobId())
                    ? sweeps.resume(work, item.get())
                    : jobs.resume(work, item.get()))
                .map(status -> RecordSummary.job(event, status))
                .orElseGet(() -> RecordSummary.skipped(event, "the job is finished or unknown")));
  }

  /**
   * Writing the output over its own source, or into the work location, is refused, never merely
   * skipped. The configuration refuses both where it can tell; an unset bucket is the event's, so
   * only the event tells.
   */
  private Optional<String> refusal(ObjectEvent event) {
    String outputBucket = settings.outputBucket().orElse(event.bucket());
    if (settings.outputPrefix().isEmpty() && outputBucket.equals(event.bucket())) {
      return Optional.of(
          "refused: with an empty OUTPUT_PREFIX the output would overwrite the source");
    }
    if (jobs.workLocation(event.bucket()).overlaps(outputBucket, settings.outputPrefix())) {
      return Optional.of(
          "refused: in bucket "
              + outputBucket
              + " the output location (OUTPUT_PREFIX) and the work location (WORK_PREFIX) overlap");
    }
    return Optional.empty();
  }

  private boolean isUnderOutput(ObjectEvent event) {
    return OutputLocation.isUnderOutput(
        settings.outputBucket(), settings.outputPrefix(), event.bucket(), event.key());
  }

  /**
   * Skips the event when the output already records the source's ETag: first the event's ETag (no
   * read of the source at all), then the ETag of the content actually opened, which is what the
   * output's metadata will record.
   */
  private RecordSummary reEncrypt(ObjectEvent event, OutputLocation output) throws IOException {
    if (event.etag() != null && isUpToDate(output, event.etag())) {
      return alreadyDone(event, event.etag(), output);
    }
    Optional<StoredObject> opened = openSource(event);
    if (opened.isEmpty()) {
      return RecordSummary.failed(event, null, "the source object does not exist");
    }
    try (StoredObject source = opened.get()) {
      String etag = source.info().etag();
      if (!etag.equals(event.etag()) && isUpToDate(output, etag)) {
        return alreadyDone(event, etag, output);
      }
      return outputs.write(event, source, output);
    }
  }

  private Optional<StoredObject> openSource(ObjectEvent event) throws ObjectStoreException {
    try {
      return Optional.of(store.open(event.bucket(), event.key()));
    } catch (ObjectStoreException e) {
      if (e.reason() == ObjectStoreException.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private boolean isUpToDate(OutputLocation output, String sourceEtag) throws IOException {
    return OutputMetadata.isUpToDate(store, output.bucket(), output.key(), sourceEtag);
  }

  /** A done manifest job may still hold work state that a crash kept from being removed. */
  private RecordSummary alreadyDone(ObjectEvent event, String etag, OutputLocation output)
      throws IOException {
    if (ObjectOutputs.isManifest(event.key())) {
      jobs.tidy(event.bucket(), event.key(), etag);
    }
    return RecordSummary.skipped(event, "already re-encrypted from this source ETag").at(output);
  }

  /** A step that reports its own outcome and may fail with any of the exceptions above. */
  @FunctionalInterface
  private interface Step {
    RecordSummary run() throws IOException;
  }
}
