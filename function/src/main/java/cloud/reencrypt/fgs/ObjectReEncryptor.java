package cloud.reencrypt.fgs;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.service.ManifestProcessor;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import cloud.reencrypt.service.ReEncryptService;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
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
 * Re-encrypts the object one OBS record names. Guarantees: the source is only read; the output is
 * written whole or not at all (the store's upload); an output that already records the source's
 * ETag is left alone (OBS delivers events at least once); objects under the output location are
 * skipped; the same bucket with an empty prefix is refused. A failure that may pass (KMS or OBS
 * unavailable, an I/O error) is marked temporary in the summary.
 */
final class ObjectReEncryptor {
  /** Largest single-ciphertext object; KMS's largest ciphertext is a few kilobytes. */
  static final int MAX_CIPHERTEXT_BYTES = 64 * 1024;

  private final ObjectStore store;
  private final ReEncryptService service;
  private final ObsSettings settings;

  ObjectReEncryptor(ObjectStore store, ReEncryptService service, ObsSettings settings) {
    this.store = store;
    this.service = service;
    this.settings = settings;
  }

  RecordSummary process(ObsRecord record) {
    if (record.problem() != null) {
      return RecordSummary.failed(record, null, record.problem());
    }
    if (!record.isObjectCreated()) {
      return RecordSummary.skipped(record, "not an object-created event");
    }
    Optional<String> outputBucket = settings.outputBucket();
    String prefix = settings.outputPrefix();
    if (prefix.isEmpty() && outputBucket.orElse(record.bucket()).equals(record.bucket())) {
      return RecordSummary.failed(
          record,
          null,
          "refused: with an empty OUTPUT_PREFIX the output would overwrite the source");
    }
    if (OutputLocation.isUnderOutput(outputBucket, prefix, record.bucket(), record.key())) {
      return RecordSummary.skipped(record, "the object is under the output location");
    }
    OutputLocation output = OutputLocation.of(outputBucket, prefix, record.bucket(), record.key());
    try {
      return reEncrypt(record, output);
    } catch (KmsException e) {
      return e.isTransient()
          ? RecordSummary.failedTemporarily(record, e.errorCode(), e.errorMsg())
          : RecordSummary.failed(record, e.errorCode(), e.errorMsg());
    } catch (ObjectStoreException e) {
      return e.reason() == ObjectStoreException.Reason.UNAVAILABLE
          ? RecordSummary.failedTemporarily(record, null, e.getMessage())
          : RecordSummary.failed(record, null, e.getMessage());
    } catch (IOException e) {
      return RecordSummary.failedTemporarily(record, null, "reading or writing the object failed");
    }
  }

  /**
   * Skips the record when the output already records the source's ETag: first the event's ETag (no
   * read of the source at all), then the ETag of the content actually opened, which is what the
   * output's metadata will record.
   */
  private RecordSummary reEncrypt(ObsRecord record, OutputLocation output) throws IOException {
    if (record.etag() != null && isUpToDate(output, record.etag())) {
      return alreadyDone(record, output);
    }
    try (StoredObject source = store.open(record.bucket(), record.key())) {
      String etag = source.info().etag();
      if (!etag.equals(record.etag()) && isUpToDate(output, etag)) {
        return alreadyDone(record, output);
      }
      return isManifest(record.key())
          ? manifest(record, source, output)
          : ciphertext(record, source, output);
    } catch (ObjectStoreException e) {
      if (e.reason() == ObjectStoreException.Reason.NOT_FOUND) {
        return RecordSummary.failed(record, null, "the source object does not exist");
      }
      throw e;
    }
  }

  private boolean isUpToDate(OutputLocation output, String sourceEtag) throws IOException {
    return OutputMetadata.isUpToDate(store, output.bucket(), output.key(), sourceEtag);
  }

  private static RecordSummary alreadyDone(ObsRecord record, OutputLocation output) {
    return RecordSummary.skipped(record, "already re-encrypted from this source ETag").at(output);
  }

  private static boolean isManifest(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith(".jsonl");
  }

  private RecordSummary manifest(ObsRecord record, StoredObject source, OutputLocation output)
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
    ManifestProcessor processor =
        new ManifestProcessor(
            service,
            Optional.of(settings.destinationKeyId()),
            settings.destinationAlgorithm(),
            settings.manifestConcurrency());
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(OutputMetadata.SOURCE_ETAG, source.info().etag());
    metadata.put(OutputMetadata.DESTINATION_KEY_ID, settings.destinationKeyId());
    ManifestCounts[] counts = new ManifestCounts[1];
    store.write(
        output.bucket(),
        output.key(),
        metadata,
        out -> {
          BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
          counts[0] = processor.process(source.content(), buffered);
          buffered.flush();
        });
    return RecordSummary.manifest(record, output, counts[0]);
  }

  private RecordSummary ciphertext(ObsRecord record, StoredObject source, OutputLocation output)
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
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(OutputMetadata.SOURCE_ETAG, source.info().etag());
    metadata.put(OutputMetadata.DESTINATION_KEY_ID, response.keyId());
    metadata.put(OutputMetadata.SOURCE_KEY_ID, response.sourceKeyId());
    byte[] content = response.cipherText().getBytes(StandardCharsets.US_ASCII);
    store.write(output.bucket(), output.key(), metadata, out -> out.write(content));
    return RecordSummary.ciphertext(record, output);
  }

  private static KmsException ciphertextTooLarge() {
    return KmsError.MESSAGE_TOO_LONG.exception(
        "a ciphertext object is limited to " + MAX_CIPHERTEXT_BYTES + " bytes");
  }
}
