package cloud.reencrypt.service;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.store.ObjectNames;
import cloud.reencrypt.store.ObjectStoreException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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

  /**
   * What makes this request one that could only fail, if anything: a bucket or prefix the store
   * would refuse to list, a key ID not of KMS's form, an algorithm ReEncrypt does not know. Both
   * ways in (the jobs API and the {@code sweep} command) refuse such a request before any job state
   * is written, each in its own terms.
   */
  public Optional<String> problem() {
    try {
      ObjectNames.checkListing(bucket, prefix, null, SweepStart.PAGE_SIZE);
    } catch (ObjectStoreException e) {
      return Optional.of("malformed bucket or prefix: " + e.getMessage());
    }
    for (String id : keyIds()) {
      if (id == null || !Configuration.KEY_ID.matcher(id).matches()) {
        return Optional.of("'" + id + "' is not a KMS key ID");
      }
    }
    if (!Configuration.ENCRYPTION_ALGORITHMS.contains(destinationAlgorithm)) {
      return Optional.of(
          "the destination algorithm must be one of "
              + new TreeSet<>(Configuration.ENCRYPTION_ALGORITHMS));
    }
    return Optional.empty();
  }

  private List<String> keyIds() {
    List<String> ids = new ArrayList<>(sourceKeyIds);
    ids.add(0, destinationKeyId);
    return ids;
  }

  /** Whether an object passes the suffix and size filters. */
  boolean admits(String key, long size) {
    return (suffix == null || key.endsWith(suffix))
        && (maxObjectBytes == null || size <= maxObjectBytes);
  }
}
