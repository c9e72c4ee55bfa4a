package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import cloud.reencrypt.service.JobControl;
import cloud.reencrypt.service.JobStatus;
import cloud.reencrypt.service.KeyAllowList;
import cloud.reencrypt.service.ObjectEvent;
import cloud.reencrypt.service.ObjectReEncryption;
import cloud.reencrypt.service.ObjectSettings;
import cloud.reencrypt.service.ReEncryptService;
import cloud.reencrypt.service.SweepRequest;
import cloud.reencrypt.service.SweepStart;
import cloud.reencrypt.service.WorkLocation;
import cloud.reencrypt.store.DirectoryObjectStore;
import cloud.reencrypt.store.ForwardingObjectStore;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.ObsPermissions;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JobChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep policies against what sweeps do. Sweeps are started, looked up and cancelled as the API
 * function does it, and their pages run as the OBS function runs them, on a local store whose calls
 * are recorded as the IAM action and resource OBS checks them under; the buckets get names in place
 * of the {@code huaweicloud_obs_bucket} references. Every call must be granted by the policies the
 * calling function's agency holds in {@code access.tf} (sweeps enabled, one allowed bucket), and
 * every grant of the two sweep policies must be used: nothing a sweep needs is missing, nothing it
 * does not need is granted.
 */
class TerraformSweepAccessTest {
  private static final String SWEPT = "data";
  private static final String OUTPUT_PREFIX = "reencrypted/";
  private static final String WORK_PREFIX = ".reencrypt-work/";

  /** Where FunctionGraph records failed events (async.tf); the function itself never goes there. */
  private static final String FAILURE_PREFIX_EXPRESSION = "var.async_failure_prefix";

  private static final String FAILURE_PREFIX = "async-failures/";
  private static final int PAGE_SIZE = 2;
  private static final int MANIFEST_LINES = 16;
  private static final Pattern BUCKET_REFERENCE =
      Pattern.compile(Wiring.BUCKET + "\\.[a-z0-9_]+\\.bucket");

  @TempDir Path root;
  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(config);
  private Recorder api;
  private Recorder obs;

  @BeforeEach
  void startAndRunSweeps() throws Exception {
    String work = bucketName(wiring.workBucket());
    String output = bucketName(wiring.outputBucket());
    for (String bucket : List.of(SWEPT, work, output)) {
      Files.createDirectories(root.resolve(bucket));
    }
    ObjectStore store = new DirectoryObjectStore(root);
    fill(store);
    api = new Recorder(store);
    obs = new Recorder(store);
    ObjectSettings settings =
        new ObjectSettings(
            Optional.of(output),
            OUTPUT_PREFIX,
            DemoKms.SM4,
            "SYMMETRIC_DEFAULT",
            OptionalLong.empty(),
            2,
            Optional.of(work),
            WORK_PREFIX,
            1024,
            64 << 20);
    WorkLocation location = new WorkLocation(work, WORK_PREFIX);
    SweepStart sweeps = new SweepStart(api, settings, Clock.systemUTC());
    JobControl jobs = new JobControl(api, location, Clock.systemUTC());

    // Each start as ApigSweeps makes it (claims, the cap, the equal running sweep answered).
    SweepRequest everything = request("");
    JobStatus swept = sweeps.start(everything, PAGE_SIZE, 2);
    assertEquals(swept.jobId(), sweeps.start(everything, PAGE_SIZE, 2).jobId());
    JobStatus cancelled = sweeps.start(request("b/"), PAGE_SIZE, 2);
    assertEquals(JobStatus.CANCELLED, jobs.cancel(cancelled.jobId()).orElseThrow().state());

    JobChain chain =
        new JobChain(
            obs,
            (instance, event) ->
                new ObjectReEncryption(instance, service(), settings, () -> 600_000)
                    .process(event));
    for (JobStatus started : List.of(swept, cancelled)) {
      String page = SweepStart.firstPage(location, started.jobId());
      chain.run(new ObjectEvent(work, page, null, "ObjectCreated:Put"));
    }

    assertEquals(JobStatus.COMMITTED, jobs.status(swept.jobId()).orElseThrow().state());
    assertTrue(store.head(output, OUTPUT_PREFIX + "a/one.ct").isPresent(), "no output written");
    assertTrue(
        store.head(output, OUTPUT_PREFIX + "m/list.jsonl").isPresent(), "no manifest output");
  }

  @Test
  void apiFunction_startingLookingUpAndCancellingSweeps_isGrantedByItsAgency() {
    List<Grant> grants = agencyGrants(wiring.agencyOf(wiring.apiFunction()));

    assertEquals(Set.of(), ungranted(api.accesses, grants), "the API function's agency lacks");
    assertTrue(
        api.accesses.contains(new Access(ObsPermissions.LIST_BUCKET, "bucket:" + SWEPT)),
        "the API function never listed the swept bucket");
  }

  @Test
  void obsFunction_runningASweepsPages_isGrantedByItsAgency() {
    List<Grant> grants = agencyGrants(wiring.agencyOf(wiring.obsFunction()));

    assertEquals(Set.of(), ungranted(obs.accesses, grants), "the OBS function's agency lacks");
  }

  @Test
  void sweepPolicies_everyGrant_isUsedBySweeps() {
    List<Grant> start = grants(config.resourceReferencedBy(Wiring.SWEEP_START_ROLE));
    List<Grant> read = grants(config.resourceReferencedBy(Wiring.SWEEP_READ_ROLE));

    assertEquals(List.of(), unused(start, api.accesses), "granted, never used by the API function");
    assertEquals(List.of(), unused(read, obs.accesses), "granted, never used by the OBS function");
  }

  /** Objects of five kinds, over three listing pages of {@value #PAGE_SIZE}. */
  private static void fill(ObjectStore store) throws IOException {
    StringBuilder manifest = new StringBuilder();
    for (int line = 0; line < MANIFEST_LINES; line++) {
      manifest
          .append("{\"cipher_text\":\"")
          .append(DemoKms.encrypt(DemoKms.AES, "line " + line))
          .append("\"}\n");
    }
    assertTrue(manifest.length() > 1024, "the manifest must run as a job of several parts");
    Map<String, String> objects =
        Map.of(
            "a/one.ct", DemoKms.encrypt(DemoKms.AES, "one"),
            "a/two.ct", DemoKms.encrypt(DemoKms.AES, "two"),
            "b/other-key.ct", DemoKms.encrypt(DemoKms.SM4, "other"),
            "c/plain.txt", "not a ciphertext",
            "m/list.jsonl", manifest.toString());
    for (Map.Entry<String, String> object : objects.entrySet()) {
      byte[] content = object.getValue().getBytes(StandardCharsets.UTF_8);
      store.write(SWEPT, object.getKey(), Map.of(), out -> out.write(content));
    }
  }

  private static SweepRequest request(String prefix) {
    return new SweepRequest(
        SWEPT, prefix, DemoKms.SM4, "SYMMETRIC_DEFAULT", List.of(DemoKms.AES), null, null, false);
  }

  private static ReEncryptService service() {
    return new ReEncryptService(
        DemoKms.engine(),
        new KeyAllowList("source", Set.of()),
        new KeyAllowList("destination", Set.of()));
  }

  /** Every grant of the policies an agency holds, sweeps enabled, with named buckets. */
  private List<Grant> agencyGrants(TfBlock agency) {
    List<Grant> grants = new ArrayList<>();
    for (String role : Policies.domainRoles(agency, source).keySet()) {
      grants.addAll(grants(config.resourceReferencedBy(role)));
    }
    return grants;
  }

  private List<Grant> grants(TfBlock role) {
    List<Grant> grants = new ArrayList<>();
    Map<String, List<String>> lists = Map.of("local.sweep_buckets", List.of(SWEPT));
    Policies.grantsPerResource(Policies.policy(role))
        .forEach(
            (key, actions) -> {
              for (String expanded : Policies.expand(key, source, lists)) {
                for (String action : actions) {
                  grants.add(new Grant(role.address(), action, named(expanded)));
                }
              }
            });
    return grants;
  }

  /** A resource key with bucket names and the work prefix in place of their expressions. */
  private String named(String key) {
    Matcher reference = BUCKET_REFERENCE.matcher(key);
    String named =
        reference
            .replaceAll(r -> bucketName(config.resourceReferencedBy(r.group())))
            .replace(workPrefixExpression(), WORK_PREFIX)
            .replace(outputPrefixExpression(), OUTPUT_PREFIX)
            .replace(FAILURE_PREFIX_EXPRESSION, FAILURE_PREFIX);
    assertFalse(named.contains("var.") || named.contains("local."), "unresolved: " + named);
    return named;
  }

  private String outputPrefixExpression() {
    return HclValues.requireReference(
        wiring.userData(wiring.obsFunction()).path(Setting.OUTPUT_PREFIX.name()), "OUTPUT_PREFIX");
  }

  private String workPrefixExpression() {
    return HclValues.requireReference(
        wiring.userData(wiring.obsFunction()).path(Setting.WORK_PREFIX.name()), "WORK_PREFIX");
  }

  private static String bucketName(TfBlock bucket) {
    return bucket.name() + "-bucket";
  }

  private static Set<Access> ungranted(Set<Access> accesses, List<Grant> grants) {
    return accesses.stream()
        .filter(access -> grants.stream().noneMatch(grant -> grant.allows(access)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Grant> unused(List<Grant> grants, Set<Access> accesses) {
    return grants.stream().filter(grant -> accesses.stream().noneMatch(grant::allows)).toList();
  }

  /**
   * One store call as OBS authorises it: {@code object:<bucket>/<key>} or {@code bucket:<name>}.
   */
  record Access(String action, String resource) implements Comparable<Access> {
    @Override
    public int compareTo(Access other) {
      return (resource + " " + action).compareTo(other.resource + " " + other.action);
    }
  }

  /** One action on one resource pattern of a policy; {@code *} matches any characters. */
  record Grant(String role, String action, String resource) {
    boolean allows(Access access) {
      String glob =
          Arrays.stream(resource.split("\\*", -1))
              .map(Pattern::quote)
              .collect(Collectors.joining(".*"));
      return action.equals(access.action()) && access.resource().matches(glob);
    }
  }

  /**
   * Records each call as the IAM action OBS checks: a read or a HEAD is {@code GetObject}, a write
   * {@code PutObject}, a listing {@code ListBucket} on the bucket, a delete {@code DeleteObject}.
   * Writes and composes are the interface's, made of these calls.
   */
  static final class Recorder extends ForwardingObjectStore {
    final Set<Access> accesses = ConcurrentHashMap.newKeySet();

    Recorder(ObjectStore store) {
      super(store);
    }

    private void object(String action, String bucket, String key) {
      accesses.add(new Access(action, "object:" + bucket + "/" + key));
    }

    @Override
    public StoredObject open(String bucket, String key) throws ObjectStoreException {
      object(ObsPermissions.GET_OBJECT, bucket, key);
      return super.open(bucket, key);
    }

    @Override
    public StoredObject open(String bucket, String key, long offset, long length)
        throws ObjectStoreException {
      object(ObsPermissions.GET_OBJECT, bucket, key);
      return super.open(bucket, key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException {
      object(ObsPermissions.GET_OBJECT, bucket, key);
      return super.head(bucket, key);
    }

    @Override
    public ListPage list(String bucket, String prefix, String marker, int maxKeys)
        throws ObjectStoreException {
      accesses.add(new Access(ObsPermissions.LIST_BUCKET, "bucket:" + bucket));
      return super.list(bucket, prefix, marker, maxKeys);
    }

    @Override
    public void delete(String bucket, String key) throws ObjectStoreException {
      object(ObsPermissions.DELETE_OBJECT, bucket, key);
      super.delete(bucket, key);
    }

    @Override
    public ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
        throws ObjectStoreException {
      object(ObsPermissions.PUT_OBJECT, bucket, key);
      return super.upload(bucket, key, userMetadata);
    }
  }
}
