package cloud.reencrypt.service;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The configuration the object use case acts on, resolved once per handler instance.
 *
 * @param outputBucket {@code OUTPUT_BUCKET}; empty means the source bucket
 * @param outputPrefix {@code OUTPUT_PREFIX}
 * @param destinationKeyId {@code DESTINATION_KEY_ID}, or the demo key on the public demo keystore
 * @param destinationAlgorithm {@code DESTINATION_ENCRYPTION_ALGORITHM}
 * @param maxManifestBytes {@code MAX_MANIFEST_BYTES}; empty means no limit
 * @param manifestConcurrency {@code MANIFEST_CONCURRENCY}
 * @param workBucket {@code WORK_BUCKET}; empty means the event's bucket
 * @param workPrefix {@code WORK_PREFIX}
 * @param partBytes {@code PART_BYTES}: manifests above it are jobs
 * @param fanoutBytes {@code FANOUT_BYTES}
 */
public record ObjectSettings(
    Optional<String> outputBucket,
    String outputPrefix,
    String destinationKeyId,
    String destinationAlgorithm,
    OptionalLong maxManifestBytes,
    int manifestConcurrency,
    Optional<String> workBucket,
    String workPrefix,
    long partBytes,
    long fanoutBytes) {}
