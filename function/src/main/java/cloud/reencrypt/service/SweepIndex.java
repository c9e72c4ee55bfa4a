package cloud.reencrypt.service;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.StoredObject;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sweeps started in a work location, as claims: {@code WORK_PREFIX sweeps/<SHA-256 of the
 * request's JSON>/<job id>.json}, one per start. A claim is live while its sweep runs, or while it
 * is younger than {@link #STARTING} and its sweep has no status yet (it is being started); a
 * withdrawn claim, a finished sweep and a start that died are not.
 *
 * <p>Two equal starts at once are one sweep without a conditional write: each writes its claim and
 * then lists the claims; it starts only if it sees no other live claim of the request and fewer
 * other live claims than the cap. Otherwise it withdraws, and tries again unless the cap is taken
 * by sweeps that run. Of two overlapping claims the later lister always sees the earlier one (OBS
 * lists what was written before the listing began), so at most one starts; both may withdraw, and
 * the random pause before the next try lets one through. The index is job state, never a work item.
 */
final class SweepIndex {
  /** How long a claim without a status yet counts as a start in progress. */
  static final Duration STARTING = Duration.ofSeconds(30);

  private static final String SWEEPS = "sweeps/";
  private static final ObjectReader CLAIM = JsonMapping.reader(Claim.class);

  private final ObjectStore store;
  private final WorkLocation work;
  private final Clock clock;

  SweepIndex(ObjectStore store, WorkLocation work, Clock clock) {
    this.store = store;
    this.work = work;
    this.clock = clock;
  }

  /** The running sweep started with an equal request, if any. */
  Optional<JobStatus> running(SweepRequest request) throws IOException {
    for (Claim claim : claims(folder(request))) {
      Optional<JobStatus> status = runningStatus(claim.jobId());
      if (status.isPresent()) {
        return status;
      }
    }
    return Optional.empty();
  }

  /** What a claim came to. */
  enum Claimed {
    /** No other live claim of the request, and room under the cap: the sweep may start. */
    STARTS,
    /** An equal sweep, or a start that may take the last place, is live: try again. */
    GIVES_WAY,
    /** As many other sweeps as the cap allows are running. */
    AT_CAP
  }

  /**
   * Claims {@code jobId} for the request and tells whether it may start; a claim that may not is
   * withdrawn.
   *
   * @param cap the most sweeps that may run in this work location, this one included
   */
  Claimed claim(SweepRequest request, String jobId, int cap) throws IOException {
    write(request, new Claim(jobId, clock.instant().toString(), false));
    String equal = folder(request);
    int running = 0;
    int starting = 0;
    boolean equalLive = false;
    for (Listed other : listed(work.prefix() + SWEEPS)) {
      Liveness liveness =
          other.claim().jobId().equals(jobId) ? Liveness.DEAD : liveness(other.claim());
      running += liveness == Liveness.RUNNING ? 1 : 0;
      starting += liveness == Liveness.STARTING ? 1 : 0;
      equalLive |= liveness != Liveness.DEAD && other.key().startsWith(equal);
    }
    Claimed claimed =
        running >= cap
            ? Claimed.AT_CAP
            : equalLive || running + starting >= cap ? Claimed.GIVES_WAY : Claimed.STARTS;
    if (claimed != Claimed.STARTS) {
      write(request, new Claim(jobId, clock.instant().toString(), true));
    }
    return claimed;
  }

  private enum Liveness {
    RUNNING,
    STARTING,
    DEAD
  }

  private Liveness liveness(Claim claim) throws IOException {
    if (claim.withdrawn()) {
      return Liveness.DEAD;
    }
    JobFolder folder = work.job(store, claim.jobId());
    Optional<JobStatus> status = folder.status();
    if (status.isEmpty()) {
      boolean young = Instant.parse(claim.claimedAt()).plus(STARTING).isAfter(clock.instant());
      return young ? Liveness.STARTING : Liveness.DEAD;
    }
    return runs(folder, status.get()) ? Liveness.RUNNING : Liveness.DEAD;
  }

  private Optional<JobStatus> runningStatus(String id) throws IOException {
    JobFolder folder = work.job(store, id);
    Optional<JobStatus> status = folder.status();
    return status.isPresent() && runs(folder, status.get()) ? status : Optional.empty();
  }

  /** Running and not cancelled: a cancel marker counts before any instance has read it. */
  private static boolean runs(JobFolder folder, JobStatus status) throws IOException {
    return JobStatus.RUNNING.equals(status.state()) && !folder.isCancelled();
  }

  private void write(SweepRequest request, Claim claim) throws IOException {
    byte[] json = JsonMapping.write(claim).getBytes(StandardCharsets.UTF_8);
    String key = folder(request) + claim.jobId() + ".json";
    store.write(work.bucket(), key, Map.of(), out -> out.write(json));
  }

  /** The claims under a prefix; an object that is not a claim is left out. */
  private List<Claim> claims(String prefix) throws IOException {
    return listed(prefix).stream().map(Listed::claim).toList();
  }

  private record Listed(String key, Claim claim) {}

  private List<Listed> listed(String prefix) throws IOException {
    List<Listed> claims = new ArrayList<>();
    store.forEach(
        work.bucket(),
        prefix,
        info -> read(info.key()).ifPresent(claim -> claims.add(new Listed(info.key(), claim))));
    return claims;
  }

  private Optional<Claim> read(String key) throws IOException {
    try (StoredObject object = store.open(work.bucket(), key)) {
      Claim claim = JsonMapping.read(CLAIM, object.content().readNBytes(4096));
      return JobId.isSweep(claim.jobId()) && claim.claimedAt() != null
          ? Optional.of(claim)
          : Optional.empty();
    } catch (ObjectStoreException e) {
      if (e.reason() == ObjectStoreException.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    } catch (JsonReadException e) {
      return Optional.empty();
    }
  }

  /**
   * One claim.
   *
   * @param jobId the sweep it claims the request for
   * @param claimedAt when, by the claimer's clock (ISO-8601)
   * @param withdrawn whether the claimer gave way to another claim
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Claim(String jobId, String claimedAt, boolean withdrawn) {}

  private String folder(SweepRequest request) {
    try {
      byte[] json = JsonMapping.write(request).getBytes(StandardCharsets.UTF_8);
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
      return work.prefix() + SWEEPS + hash + "/";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
