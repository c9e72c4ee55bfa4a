package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.service.SweepPage.Listed;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.store.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A dry run's decision for one object that passed the sweep's filters, made without writing: an
 * output up to date for the listed ETag is {@code already_done}; a manifest would be re-encrypted;
 * a single ciphertext is proved usable for the sweep's destination ({@link ReEncryptService#check}:
 * the local engine decrypts it in memory and keeps nothing; the cloud engine makes the very
 * ReEncrypt the real sweep makes and drops the result), allow-lists included, and fails with the
 * error code the real sweep would meet.
 */
final class SweepDryRun {
  private final ObjectStore store;
  private final ReEncryptService service;
  private final SweepPlan plan;

  SweepDryRun(ObjectStore store, ReEncryptService service, SweepPlan plan) {
    this.store = store;
    this.service = service;
    this.plan = plan;
  }

  SweepOutcome decide(Listed object) throws IOException {
    SweepRequest request = plan.request();
    OutputLocation output =
        OutputLocation.of(
            Optional.ofNullable(plan.outputBucket()),
            plan.outputPrefix(),
            request.bucket(),
            object.key());
    if (OutputMetadata.isUpToDate(store, output.bucket(), output.key(), object.etag())) {
      return SweepOutcome.skipped(SweepObjects.ALREADY_DONE);
    }
    if (ObjectOutputs.isManifest(object.key())) {
      return SweepOutcome.PROCESSED;
    }
    if (object.size() > ObjectOutputs.MAX_CIPHERTEXT_BYTES) {
      return SweepOutcome.failed(KmsError.MESSAGE_TOO_LONG.code());
    }
    try {
      prove(read(object));
      return SweepOutcome.PROCESSED;
    } catch (KmsException e) {
      return SweepOutcome.failed(e.errorCode());
    } catch (ObjectStoreException e) {
      return SweepOutcome.failed("OBS");
    }
  }

  private String read(Listed object) throws IOException {
    try (StoredObject source = store.open(plan.request().bucket(), object.key())) {
      byte[] bytes = source.content().readNBytes(ObjectOutputs.MAX_CIPHERTEXT_BYTES);
      return new String(bytes, StandardCharsets.UTF_8).strip();
    }
  }

  /** The re-encryption the real sweep would make, proved without making it. */
  private void prove(String cipherText) {
    service.check(
        new ReEncryptRequest(
            null,
            null,
            null,
            plan.request().destinationKeyId(),
            null,
            plan.request().destinationAlgorithm(),
            null,
            cipherText));
  }
}
