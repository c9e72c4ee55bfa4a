package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import cloud.reencrypt.service.JobStatus;
import cloud.reencrypt.service.KeyAllowList;
import cloud.reencrypt.service.SweepRequest;
import cloud.reencrypt.service.SweepStart;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST .../kms/jobs/sweep}: starts a sweep (body: the {@link SweepRequest} fields) and
 * answers its status; a running sweep with an equal request is answered instead of a second one.
 * Refusals are KMS-style: a body that is not the request, a malformed bucket or prefix, or one that
 * overlaps the output or work location is a 400; a bucket outside {@code SWEEP_ALLOWED_BUCKETS} or
 * a key outside the allow-lists a 403 (KMS.0306); {@code MAX_RUNNING_JOBS} sweeps already running a
 * 409.
 */
final class ApigSweeps {
  private static final ObjectReader REQUEST = JsonMapping.reader(SweepRequest.class);

  private ApigSweeps() {}

  static JobStatus handle(byte[] body, Configuration configuration, SweepStart sweeps) {
    SweepRequest request = checked(parse(body, configuration), configuration);
    try {
      return sweeps.start(request, SweepStart.PAGE_SIZE, configuration.maxRunningJobs());
    } catch (IOException e) {
      throw KmsError.SERVICE_UNAVAILABLE.exception("the work location cannot be read");
    }
  }

  /** The request, with the configured destination and algorithm where the body gives none. */
  private static SweepRequest parse(byte[] body, Configuration configuration) {
    SweepRequest given;
    try {
      given = JsonMapping.read(REQUEST, body);
    } catch (JsonReadException e) {
      throw KmsError.INVALID_JSON.exception("the body is not a sweep request: " + e.getMessage());
    }
    if (given == null || given.bucket() == null) {
      throw KmsError.MISSING_PARAMETER.exception("bucket is required");
    }
    String destination =
        Optional.ofNullable(given.destinationKeyId())
            .or(configuration::destinationKeyId)
            .orElseThrow(() -> KmsError.MISSING_PARAMETER.exception("destination_key_id"));
    String algorithm =
        Optional.ofNullable(given.destinationAlgorithm())
            .filter(name -> !name.isEmpty()) // empty means the default, as in ReEncrypt
            .orElse(configuration.destinationEncryptionAlgorithm());
    return new SweepRequest(
        given.bucket(),
        given.prefix(),
        destination,
        algorithm,
        given.sourceKeyIds(),
        given.suffix(),
        given.maxObjectBytes(),
        given.dryRun());
  }

  private static SweepRequest checked(SweepRequest request, Configuration configuration) {
    Optional<String> problem = request.problem();
    if (problem.isPresent()) {
      throw KmsError.INVALID_PARAMETER.exception(problem.get());
    }
    if (request.prefix().startsWith("/")) {
      throw KmsError.INVALID_PARAMETER.exception("malformed bucket or prefix");
    }
    if (!configuration.sweepAllowedBuckets().contains(request.bucket())) {
      throw new KmsException(
          KmsError.NO_PERMISSION.code(), 403, "the bucket is not in SWEEP_ALLOWED_BUCKETS");
    }
    if (overlaps(request, configuration.outputBucket(), configuration.outputPrefix())
        || overlaps(request, configuration.workBucket(), configuration.workPrefix())) {
      throw KmsError.INVALID_PARAMETER.exception("the prefix covers the output or work location");
    }
    new KeyAllowList("destination", configuration.allowedDestinationKeyIds())
        .check(request.destinationKeyId());
    KeyAllowList sources = new KeyAllowList("source", configuration.allowedSourceKeyIds());
    request.sourceKeyIds().forEach(sources::check);
    return request;
  }

  /** Whether the swept range and a location in the same bucket hold keys in common. */
  private static boolean overlaps(SweepRequest request, Optional<String> bucket, String prefix) {
    return bucket.orElse(request.bucket()).equals(request.bucket())
        && (prefix.startsWith(request.prefix()) || request.prefix().startsWith(prefix));
  }
}
