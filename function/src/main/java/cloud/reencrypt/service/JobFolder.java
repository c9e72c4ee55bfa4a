package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.StoredObject;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One job's objects under {@code WORK_PREFIX + "jobs/" + id + "/"}:
 *
 * <pre>
 * plan.json                   what the job does ({@link JobPlan}); written first
 * status.json                 progress ({@link JobStatus}); kept after the commit
 * cancel                      present once the job is cancelled
 * parts/rRRRR-pPPPPPP.jsonl   part P of range R: its output lines
 * parts/rRRRR-pPPPPPP.json    its commit record ({@link PartRecord}), written after the lines
 * ranges/rRRRR.json           a fanned-out range for another instance (a work item)
 * continue/rRRRR-pPPPPPP-N.json  a range handed on to a fresh invocation (a work item)
 * </pre>
 *
 * <p>A sweep's folder ({@link SweepFolder}) shares {@code plan.json}, {@code status.json} and
 * {@code cancel}, and keeps listing pages instead of parts.
 *
 * <p>Every write is whole or nothing, and every object but {@code status.json} and the commit
 * records can be written again with the same meaning, which is what makes redelivery safe. Deletes
 * happen here only, and only under this folder.
 */
public final class JobFolder {
  static final String RANGES = "ranges";
  static final String CONTINUATIONS = "continue";
  private static final int MAX_STATE_BYTES = 1 << 20;
  private static final ObjectReader PLAN = JsonMapping.reader(JobPlan.class);
  private static final ObjectReader STATUS = JsonMapping.reader(JobStatus.class);
  private static final ObjectReader RECORD = JsonMapping.reader(PartRecord.class);

  private final ObjectStore store;
  private final WorkLocation location;
  private final String id;
  private final String folder;

  /**
   * The part records this folder object has read or written. A committed record never changes, and
   * a job's status (made after every part) needs all of them, so each is read from the store once
   * per invocation, not once per part: without this a job's reads grew with the square of its
   * parts.
   */
  private final Map<String, PartRecord> records = new ConcurrentHashMap<>();

  JobFolder(ObjectStore store, WorkLocation location, String id) {
    this.store = store;
    this.location = location;
    this.id = id;
    this.folder = location.folder(id);
  }

  public String id() {
    return id;
  }

  public Optional<JobPlan> plan() throws IOException {
    return read("plan.json", PLAN);
  }

  /**
   * Writes the plan, unless it would be too big to read back (every instance reads it): a plan has
   * an entry per range, so only a manifest of about a terabyte at the default FANOUT_BYTES gets
   * there; then nothing is written and the manifest is refused.
   */
  void writePlan(JobPlan plan) throws IOException {
    byte[] json = JsonMapping.write(plan).getBytes(StandardCharsets.UTF_8);
    if (json.length > MAX_STATE_BYTES) {
      throw KmsError.MESSAGE_TOO_LONG.exception(
          "the manifest needs "
              + plan.ranges().size()
              + " ranges, more than a job can track; raise FANOUT_BYTES or split the manifest");
    }
    writeJson("plan.json", json);
  }

  public Optional<JobStatus> status() throws IOException {
    return read("status.json", STATUS);
  }

  void writeStatus(JobStatus status) throws IOException {
    write("status.json", status);
  }

  public boolean isCancelled() throws ObjectStoreException {
    return store.head(location.bucket(), folder + "cancel").isPresent();
  }

  /** Marks the job cancelled: no instance starts another part, and nothing is committed. */
  public void cancel() throws IOException {
    write("cancel", Map.of("cancelled", true));
  }

  Optional<PartRecord> record(int range, long index) throws IOException {
    String name = part(range, index);
    PartRecord known = records.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<PartRecord> stored = read(name + ".json", RECORD);
    stored.ifPresent(record -> records.put(name, record));
    return stored;
  }

  Optional<ObjectInfo> partLines(int range, long index) throws ObjectStoreException {
    return store.head(location.bucket(), folder + part(range, index) + ".jsonl");
  }

  ObjectUpload partUpload(int range, long index) throws ObjectStoreException {
    return store.upload(location.bucket(), folder + part(range, index) + ".jsonl", Map.of());
  }

  void commit(PartRecord record) throws IOException {
    String name = part(record.range(), record.index());
    write(name + ".json", record);
    records.put(name, record);
  }

  /** Announces a range to another instance. */
  void handOut(int range) throws IOException {
    write(RANGES + "/" + String.format("r%04d.json", range), Map.of("range", range));
  }

  /**
   * Hands a range on to a fresh invocation. Each continuation has a new name, so it is a new
   * object-created event even when an earlier one for the same part exists.
   */
  void handOn(int range, long index, String attempt) throws IOException {
    String name = String.format("%s/r%04d-p%06d-%s.json", CONTINUATIONS, range, index, attempt);
    write(name, Map.of("range", range, "part", index));
  }

  /**
   * Removes everything but {@code status.json}: parts, records and work items, and the plan last,
   * so that a removal cut short can always be finished by whoever finds the plan.
   */
  void removeWorkState() throws IOException {
    for (String name : names("")) {
      if (!name.equals("status.json") && !name.equals("plan.json")) {
        store.delete(location.bucket(), folder + name);
      }
    }
    store.delete(location.bucket(), folder + "plan.json");
  }

  /** The names (relative to the folder) of every object under {@code under}, in key order. */
  List<String> names(String under) throws IOException {
    List<String> names = new ArrayList<>();
    store.forEach(
        location.bucket(),
        folder + under,
        object -> names.add(object.key().substring(folder.length())));
    return names;
  }

  private static String part(int range, long index) {
    return String.format("parts/r%04d-p%06d", range, index);
  }

  <T> Optional<T> read(String name, ObjectReader reader) throws IOException {
    try (StoredObject object = store.open(location.bucket(), folder + name)) {
      byte[] bytes = object.content().readNBytes(MAX_STATE_BYTES);
      return Optional.of(JsonMapping.read(reader, bytes));
    } catch (ObjectStoreException e) {
      if (e.reason() == ObjectStoreException.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  void write(String name, Object value) throws IOException {
    writeJson(name, JsonMapping.write(value).getBytes(StandardCharsets.UTF_8));
  }

  private void writeJson(String name, byte[] json) throws IOException {
    store.write(location.bucket(), folder + name, Map.of(), out -> out.write(json));
  }
}
