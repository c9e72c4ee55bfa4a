package cloud.reencrypt.fgs;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.service.ManifestProcessor;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import cloud.reencrypt.service.ReEncryptService;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.store.StoredObject;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * skipped; the same bucket with an empty prefix is refused.
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
      return RecordSummary.failed(record, e.errorCode(), e.errorMsg());
    } catch (ObjectStoreException e) {
      return RecordSummary.failed(record, null, e.getMessage());
    } catch (IOException e) {
      return RecordSummary.failed(record, null, "reading or writing the object failed");
    }
  }

  private RecordSummary reEncrypt(ObsRecord record, OutputLocation output) throws IOException {
    Optional<ObjectInfo> source = store.head(record.bucket(), record.key());
    if (source.isEmpty()) {
      return RecordSummary.failed(record, null, "the source object does not exist");
    }
    if (OutputMetadata.isUpToDate(store, output.bucket(), output.key(), source.get().etag())) {
      return RecordSummary.skipped(record, "already re-encrypted from this source ETag").at(output);
    }
    return isManifest(record.key())
        ? manifest(record, source.get(), output)
        : ciphertext(record, source.get(), output);
  }

  private static boolean isManifest(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith(".jsonl");
  }

  private RecordSummary manifest(ObsRecord record, ObjectInfo info, OutputLocation output)
      throws IOException {
    if (settings.maxManifestBytes().isPresent()
        && info.size() > settings.maxManifestBytes().getAsLong()) {
      throw KmsError.MESSAGE_TOO_LONG.exception(
          "the manifest has "
              + info.size()
              + " bytes, more than MAX_MANIFEST_BYTES ("
              + settings.maxManifestBytes().getAsLong()
              + "); split it");
    }
    ManifestProcessor processor =
        new ManifestProcessor(
            service, Optional.of(settings.destinationKeyId()), settings.destinationAlgorithm());
    try (StoredObject source = store.open(record.bucket(), record.key())) {
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
  }

  private RecordSummary ciphertext(ObsRecord record, ObjectInfo info, OutputLocation output)
      throws IOException {
    if (info.size() > MAX_CIPHERTEXT_BYTES) {
      throw ciphertextTooLarge();
    }
    String cipherText;
    String sourceEtag;
    try (StoredObject source = store.open(record.bucket(), record.key())) {
      byte[] bytes = source.content().readNBytes(MAX_CIPHERTEXT_BYTES + 1);
      if (bytes.length > MAX_CIPHERTEXT_BYTES) {
        throw ciphertextTooLarge();
      }
      cipherText = new String(bytes, StandardCharsets.UTF_8).strip();
      sourceEtag = source.info().etag();
    }
    ObjectNode request = KmsJson.MAPPER.createObjectNode();
    request.put("cipher_text", cipherText);
    request.put("destination_key_id", settings.destinationKeyId());
    request.put("destination_encryption_algorithm", settings.destinationAlgorithm());
    ReEncryptResponse response = service.reEncrypt(request);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(OutputMetadata.SOURCE_ETAG, sourceEtag);
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
