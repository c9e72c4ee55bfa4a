package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.store.StoredObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the re-encrypted output of one opened source: a manifest ({@code .jsonl}) line by line,
 * any other object as one ciphertext. The output carries its provenance as user metadata ({@link
 * OutputMetadata}); the summary names the object as the store reports it written.
 */
final class ObjectOutputs {
  /** Largest single-ciphertext object; KMS's largest ciphertext is a few kilobytes. */
  static final int MAX_CIPHERTEXT_BYTES = 64 * 1024;

  private static final int BUFFER_BYTES = 64 * 1024;

  private final ObjectStore store;
  private final ReEncryptService service;
  private final ObjectSettings settings;
  private final ManifestJobs jobs;
  private final String jobId;

  /**
   * @param jobId the sweep whose outputs these are, recorded in their metadata; null for events
   */
  ObjectOutputs(
      ObjectStore store,
      ReEncryptService service,
      ObjectSettings settings,
      ManifestJobs jobs,
      String jobId) {
    this.store = store;
    this.service = service;
    this.settings = settings;
    this.jobs = jobs;
    this.jobId = jobId;
  }

  RecordSummary write(ObjectEvent event, StoredObject source, OutputLocation output)
      throws IOException {
    return isManifest(event.key())
        ? manifest(event, source, output)
        : ciphertext(event, source, output);
  }

  static boolean isManifest(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith(".jsonl");
  }

  private RecordSummary manifest(ObjectEvent event, StoredObject source, OutputLocation output)
      throws IOException {
    long size = source.info().size();
    if (settings.maxManifestBytes().isPresent() && size > settings.maxManifestBytes().getAsLong()) {
      throw KmsError.MESSAGE_TOO_LONG.exception(
          "the manifest has "
              + size
              + " bytes, more than MAX_MANIFEST_BYTES ("
              + settings.maxManifestBytes().getAsLong()
              + "); split it");
    }
    if (size > settings.partBytes()) {
      return RecordSummary.job(event, jobs.start(source.info(), output));
    }
    ManifestProcessor processor =
        new ManifestProcessor(
            service,
            Optional.of(settings.destinationKeyId()),
            settings.destinationAlgorithm(),
            settings.manifestConcurrency());
    Map<String, String> metadata = metadata(source, settings.destinationKeyId());
    try (ObjectUpload upload = upload(output, metadata)) {
      BufferedOutputStream buffered = new BufferedOutputStream(upload.stream(), BUFFER_BYTES);
      ManifestCounts counts = processor.process(source.content(), buffered);
      buffered.flush();
      try {
        KeyRefusals.check(counts);
      } catch (JobStoppedException e) {
        return RecordSummary.failedTemporarily(event, null, e.getMessage()); // nothing committed
      }
      return RecordSummary.manifest(event, commit(upload, output), counts);
    }
  }

  private RecordSummary ciphertext(ObjectEvent event, StoredObject source, OutputLocation output)
      throws IOException {
    byte[] bytes =
        source.info().size() > MAX_CIPHERTEXT_BYTES
            ? null
            : source.content().readNBytes(MAX_CIPHERTEXT_BYTES + 1);
    if (bytes == null || bytes.length > MAX_CIPHERTEXT_BYTES) {
      throw ciphertextTooLarge();
    }
    ReEncryptRequest request =
        new ReEncryptRequest(
            null,
            null,
            null,
            settings.destinationKeyId(),
            null,
            settings.destinationAlgorithm(),
            null,
            new String(bytes, StandardCharsets.UTF_8).strip());
    ReEncryptResponse response = service.reEncrypt(request);
    Map<String, String> metadata = metadata(source, response.keyId());
    metadata.put(OutputMetadata.SOURCE_KEY_ID, response.sourceKeyId());
    try (ObjectUpload upload = upload(output, metadata)) {
      upload.stream().write(response.cipherText().getBytes(StandardCharsets.US_ASCII));
      return RecordSummary.ciphertext(event, commit(upload, output));
    }
  }

  private Map<String, String> metadata(StoredObject source, String destinationKeyId) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(OutputMetadata.SOURCE_ETAG, source.info().etag());
    metadata.put(OutputMetadata.DESTINATION_KEY_ID, destinationKeyId);
    if (jobId != null) {
      metadata.put(OutputMetadata.JOB_ID, jobId);
    }
    return metadata;
  }

  /**
   * Starts the output's upload. The source is open, so a {@code NOT_FOUND} here can only be the
   * output's bucket: said so, rather than as the store's generic "does not exist".
   */
  private ObjectUpload upload(OutputLocation output, Map<String, String> metadata)
      throws ObjectStoreException {
    try {
      return store.upload(output.bucket(), output.key(), metadata);
    } catch (ObjectStoreException e) {
      throw missingOutputBucket(e, output);
    }
  }

  /** Commits the output; on OBS a missing output bucket only shows here, at the first request. */
  private static ObjectInfo commit(ObjectUpload upload, OutputLocation output) throws IOException {
    try {
      return upload.commit();
    } catch (ObjectStoreException e) {
      throw missingOutputBucket(e, output);
    }
  }

  private static ObjectStoreException missingOutputBucket(
      ObjectStoreException e, OutputLocation output) {
    if (e.reason() != ObjectStoreException.Reason.NOT_FOUND) {
      return e;
    }
    return new ObjectStoreException(
        ObjectStoreException.Reason.NOT_FOUND,
        "output bucket '" + output.bucket() + "' does not exist",
        e);
  }

  private static KmsException ciphertextTooLarge() {
    return KmsError.MESSAGE_TOO_LONG.exception(
        "a ciphertext object is limited to " + MAX_CIPHERTEXT_BYTES + " bytes");
  }
}
