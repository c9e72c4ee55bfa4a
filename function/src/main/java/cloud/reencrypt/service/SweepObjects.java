package cloud.reencrypt.service;

import cloud.reencrypt.kms.CiphertextKeyId;
import cloud.reencrypt.service.SweepPage.Listed;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.store.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * One sweep's objects, each handled as an OBS event would be ({@link ObjectReEncryption}) after the
 * sweep's own filters, and its outcome named for the page record: {@code processed}, a skip reason
 * ({@link #ALREADY_DONE}, {@link #OTHER_SOURCE_KEY}, {@link #FILTERED}, or the use case's reason),
 * or a failure's error code ({@code OBS} when the store, not KMS, failed). A dry run decides the
 * same without writing ({@link SweepDryRun}).
 */
final class SweepObjects {
  static final String ALREADY_DONE = "already_done";
  static final String OTHER_SOURCE_KEY = "other_source_key";
  static final String FILTERED = "filtered";

  private final ObjectStore store;
  private final SweepPlan plan;
  private final ObjectReEncryption useCase;
  private final SweepDryRun dryRun;

  SweepObjects(
      ObjectStore store,
      ReEncryptService service,
      ObjectSettings settings,
      IntSupplier remainingMillis,
      SweepPlan plan) {
    this.store = store;
    this.plan = plan;
    this.dryRun = new SweepDryRun(store, service, plan);
    this.useCase =
        new ObjectReEncryption(
            store, service, settings(settings, plan), remainingMillis, plan.jobId());
  }

  /** The event path's settings with the sweep's output and destination. */
  static ObjectSettings settings(ObjectSettings base, SweepPlan plan) {
    return new ObjectSettings(
        Optional.ofNullable(plan.outputBucket()),
        plan.outputPrefix(),
        plan.request().destinationKeyId(),
        plan.request().destinationAlgorithm(),
        base.maxManifestBytes(),
        base.manifestConcurrency(),
        base.workBucket(),
        base.workPrefix(),
        base.partBytes(),
        base.fanoutBytes());
  }

  /** Handles one listed object. */
  SweepOutcome handle(Listed object) throws IOException {
    SweepRequest request = plan.request();
    if (!request.admits(object.key(), object.size())) {
      return SweepOutcome.skipped(FILTERED);
    }
    if (!request.sourceKeyIds().isEmpty() && isUnderOtherKey(object)) {
      return SweepOutcome.skipped(OTHER_SOURCE_KEY);
    }
    if (request.dryRun()) {
      return dryRun.decide(object);
    }
    String bucket = request.bucket();
    RecordSummary summary =
        useCase.process(new ObjectEvent(bucket, object.key(), object.etag(), "ObjectCreated:Put"));
    return switch (summary.status()) {
      case RecordSummary.PROCESSED, RecordSummary.RUNNING -> SweepOutcome.PROCESSED;
      case RecordSummary.FAILED ->
          SweepOutcome.failed(summary.errorCode() == null ? "OBS" : summary.errorCode());
      default -> skipped(summary);
    };
  }

  /**
   * An output already up to date counts as processed when this sweep wrote it (an earlier attempt
   * at the same page), so a page handled again counts its objects as the first attempt did.
   */
  private SweepOutcome skipped(RecordSummary summary) throws IOException {
    if (summary.outputKey() == null) {
      return SweepOutcome.skipped(summary.reason());
    }
    Optional<ObjectInfo> output = store.head(summary.outputBucket(), summary.outputKey());
    boolean ours =
        output
            .flatMap(info -> info.userMetadata(OutputMetadata.JOB_ID))
            .filter(plan.jobId()::equals)
            .isPresent();
    return ours ? SweepOutcome.PROCESSED : SweepOutcome.skipped(ALREADY_DONE);
  }

  /** A single ciphertext whose framing names a key outside the filter; read without decrypting. */
  private boolean isUnderOtherKey(Listed object) throws IOException {
    if (ObjectOutputs.isManifest(object.key())
        || object.size() > ObjectOutputs.MAX_CIPHERTEXT_BYTES) {
      return false;
    }
    try (StoredObject source = store.open(plan.request().bucket(), object.key())) {
      byte[] bytes = source.content().readNBytes(ObjectOutputs.MAX_CIPHERTEXT_BYTES);
      Optional<String> keyId =
          CiphertextKeyId.of(new String(bytes, StandardCharsets.UTF_8).strip());
      return keyId.isPresent() && !plan.request().sourceKeyIds().contains(keyId.get());
    }
  }
}
