package cloud.reencrypt.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What a sweep is asked to do: the same fields from the CLI and the jobs API. Two running sweeps
 * with equal requests are one sweep.
 *
 * @param bucket the bucket to list
 * @param prefix only keys under it; empty for the whole bucket
 * @param destinationKeyId the key outputs are encrypted under
 * @param destinationAlgorithm ReEncrypt's {@code destination_encryption_algorithm} for it
 * @param sourceKeyIds when not empty, only ciphertexts under these keys; others are skipped
 * @param suffix when not null, only keys ending in it; others are skipped as filtered
 * @param maxObjectBytes when not null, larger objects are skipped as filtered
 * @param dryRun decide and prove, write no output; absent means false
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepRequest(
    String bucket,
    String prefix,
    String destinationKeyId,
    String destinationAlgorithm,
    List<String> sourceKeyIds,
    String suffix,
    Long maxObjectBytes,
    Boolean dryRun) {
  public SweepRequest {
    dryRun = Boolean.TRUE.equals(dryRun);
    prefix = prefix == null ? "" : prefix;
    sourceKeyIds = sourceKeyIds == null ? List.of() : List.copyOf(sourceKeyIds);
  }

  /** Whether an object passes the suffix and size filters. */
  boolean admits(String key, long size) {
    return (suffix == null || key.endsWith(suffix))
        && (maxObjectBytes == null || size <= maxObjectBytes);
  }
}
