package cloud.reencrypt.service;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.store.ObjectInfo;
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
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The sweeps started in a work location, one object per distinct request: {@code WORK_PREFIX
 * sweeps/<SHA-256 of the request's JSON>.json} holds the id of the last sweep started with it. A
 * start finds a running sweep with an equal request here (and answers its id); a finished one never
 * blocks a new sweep. The index is job state, never a work item.
 */
final class SweepIndex {
  private static final String SWEEPS = "sweeps/";
  private static final ObjectReader ENTRY = JsonMapping.reader(Entry.class);

  private final ObjectStore store;
  private final WorkLocation work;

  SweepIndex(ObjectStore store, WorkLocation work) {
    this.store = store;
    this.work = work;
  }

  /** The running sweep started with an equal request, if any. */
  Optional<JobStatus> running(SweepRequest request) throws IOException {
    Optional<String> id = read(work.prefix() + SWEEPS + name(request));
    return id.isEmpty() ? Optional.empty() : runningStatus(id.get());
  }

  /** How many sweeps in this work location are running. */
  int countRunning() throws IOException {
    int running = 0;
    String marker = null;
    do {
      ObjectStore.ListPage page = store.list(work.bucket(), work.prefix() + SWEEPS, marker, 1000);
      for (ObjectInfo info : page.objects()) {
        Optional<String> id = read(info.key());
        running += id.isPresent() && runningStatus(id.get()).isPresent() ? 1 : 0;
      }
      marker = page.nextMarker();
    } while (marker != null);
    return running;
  }

  void record(SweepRequest request, String jobId) throws IOException {
    byte[] json = JsonMapping.write(new Entry(jobId)).getBytes(StandardCharsets.UTF_8);
    store.write(
        work.bucket(), work.prefix() + SWEEPS + name(request), Map.of(), out -> out.write(json));
  }

  private Optional<JobStatus> runningStatus(String id) throws IOException {
    JobFolder folder = work.job(store, id);
    Optional<JobStatus> status = folder.status();
    boolean running =
        status.isPresent()
            && JobStatus.RUNNING.equals(status.get().state())
            && !folder.isCancelled();
    return running ? status : Optional.empty();
  }

  private Optional<String> read(String key) throws IOException {
    try (StoredObject object = store.open(work.bucket(), key)) {
      Entry entry = JsonMapping.read(ENTRY, object.content().readNBytes(4096));
      String id = entry.jobId();
      return JobId.isSweep(id) ? Optional.of(id) : Optional.empty();
    } catch (ObjectStoreException e) {
      if (e.reason() == ObjectStoreException.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * One index object.
   *
   * @param jobId the sweep last started with the request
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Entry(String jobId) {}

  private static String name(SweepRequest request) {
    try {
      byte[] json = JsonMapping.write(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)) + ".json";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
