package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.service.SweepStart;
import cloud.reencrypt.service.WorkLocation;
import cloud.reencrypt.store.ObsPermissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agencies' custom policies against the code: KMS actions exactly those of {@link
 * KmsOperations#FUNCTION_CALLS}; for the OBS function, OBS actions exactly {@link ObsPermissions}
 * on the input and output buckets plus the work location's, the only place anything may be deleted;
 * for the API function, nothing in OBS unless the jobs API is on, and then only job status and
 * cancel markers, plus, with sweeps, listing the allowed buckets and starting a sweep; for sweeps
 * on the OBS function, listing and reading the allowed buckets, each by name.
 */
class TerraformAccessTest {
  private static final String ROLE = Wiring.ROLE;
  private static final String JOBS_ROLE = ROLE + ".jobs_api";
  private static final String ALWAYS = Policies.ALWAYS;
  private static final String WHEN_COUNTED = Policies.WHEN_COUNTED;

  /** The per-bucket resources of the allowed buckets (sweeps.tf). */
  private static final String SWEEP_BUCKETS = "local.sweep_bucket_resources";

  private static final String SWEEP_OBJECTS = "local.sweep_object_resources";

  /**
   * What FunctionGraph does, with the OBS function's agency, under the failure destination's prefix
   * (async.tf): write a record of an event whose retries ran out. Named here, as the code never
   * touches those records.
   */
  private static final Set<String> FAILURE_RECORDS = Set.of(ObsPermissions.PUT_OBJECT);

  /** The one form of the KMS policy's resources: each key the function uses, by ID. */
  private static final String KMS_KEY_RESOURCES =
      "formatlist(\"KMS:*:*:KeyId:%s\", local.function_key_ids)";

  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void kmsPolicy_actions_equalThoseOfTheOperationsTheFunctionCalls() {
    Set<String> expected =
        KmsOperations.FUNCTION_CALLS.stream()
            .flatMap(operation -> operation.iamActions().stream())
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(expected, actions(Policies.policy(kmsRole())));
  }

  /**
   * Each statement of the KMS policy names the keys, by ID: without a Resource, or with "*", it
   * would allow crypto on every key of the account.
   */
  @Test
  void kmsPolicy_resources_areTheSourceAndDestinationKeysOnly() {
    TfBlock role = kmsRole();
    JsonNode statements = Policies.policy(role).path("Statement");
    String block = source.block(role);

    assertEquals(1, statements.size(), role.address() + ": one statement, on the keys");
    assertTrue(
        statements.get(0).has("Resource"),
        role.address() + " has no Resource: it would cover every key");
    assertEquals(
        Optional.of(KMS_KEY_RESOURCES),
        source.attribute(role, "Resource"),
        role.address() + " must name the keys it may use");
    assertEquals(1, block.split("Resource\\s*=", -1).length - 1, role.address());
    assertEquals(
        Set.of("var.source_key_ids", "var.destination_key_id"),
        source.variablesReachedBy("local.function_key_ids"),
        "the policy's keys come from elsewhere than the function's");
    assertEquals(
        source.variablesReachedBy("local.function_key_ids"),
        source.variablesReachedBy(
            userDataExpression(wiring.obsFunction(), Setting.ALLOWED_SOURCE_KEY_IDS.name())
                + " "
                + userDataExpression(
                    wiring.obsFunction(), Setting.ALLOWED_DESTINATION_KEY_IDS.name())),
        "the policy's keys and the function's allow-lists differ");
  }

  @Test
  void obsFunctionPolicy_actionsPerLocation_equalObsPermissionsAndTheWorkLocation() {
    String work = bucketExpression(wiring.workBucket());
    String output = bucketExpression(wiring.outputBucket());
    Map<String, Set<String>> expected = new TreeMap<>();
    for (TfBlock trigger : wiring.inputTriggers()) {
      String input = bucketExpression(wiring.watchedBucket(trigger));
      expected.put("object:" + input + "/*", ObsPermissions.INPUT_OBJECTS);
      if (!ObsPermissions.INPUT_BUCKET.isEmpty()) {
        expected.put("bucket:" + input, ObsPermissions.INPUT_BUCKET);
      }
    }
    expected.put("object:" + output + "/" + outputPrefix() + "*", ObsPermissions.OUTPUT_OBJECTS);
    expected.put("object:" + output + "/" + failurePrefix() + "*", FAILURE_RECORDS);
    expected.put("bucket:" + output, ObsPermissions.OUTPUT_BUCKET);
    expected.put("object:" + work + "/" + workPrefix() + "*", ObsPermissions.WORK_OBJECTS);
    expected.put("bucket:" + work, ObsPermissions.WORK_BUCKET);

    assertEquals(expected, Policies.grantsPerResource(Policies.policy(obsRole())));
  }

  @Test
  void everyPolicy_delete_onlyOnObjectsUnderTheWorkPrefix() {
    String workObjects =
        "object:" + bucketExpression(wiring.workBucket()) + "/" + workPrefix() + "*";

    for (TfBlock role : config.resources(ROLE)) {
      for (JsonNode statement : Policies.policy(role).path("Statement")) {
        List<String> actions = HclValues.strings(statement.path("Action"));
        assertTrue(
            actions.stream().noneMatch(a -> a.contains("*")),
            role.address() + " grants a wildcard action: " + actions);
        if (actions.stream().anyMatch(a -> a.toLowerCase().contains("delete"))) {
          assertEquals(List.of(ObsPermissions.DELETE_OBJECT), deletes(actions), role.address());
          for (String resource : HclValues.strings(statement.path("Resource"))) {
            assertEquals(
                workObjects,
                Policies.resourceKey(resource),
                role.address() + " grants delete outside the work location");
          }
        }
      }
    }
  }

  @Test
  void jobsApiPolicy_whenEnabled_readsJobsAndWritesCancelMarkersOnly() {
    TfBlock role = config.resourceReferencedBy(JOBS_ROLE);
    String work = bucketExpression(wiring.workBucket());
    String jobs = "object:" + work + "/" + workPrefix() + "jobs/";

    assertEquals(
        Optional.of("var.jobs_api_enabled ? 1 : 0"),
        source.attribute(role, "count"),
        role.address() + " must exist only with the jobs API");
    assertEquals(
        Map.of(
            jobs + "*", ObsPermissions.JOBS_API_OBJECTS,
            jobs + "*/cancel", ObsPermissions.JOBS_API_CANCEL_MARKERS,
            "bucket:" + work, Set.of(ObsPermissions.LIST_BUCKET)),
        Policies.grantsPerResource(Policies.policy(role)));
  }

  @Test
  void agencies_eachFunction_hasItsOwnDelegatedToFunctionGraphWithTheKmsPolicy() {
    Set<TfBlock> agencies =
        wiring.functions().stream().map(wiring::agencyOf).collect(Collectors.toSet());
    assertEquals(wiring.functions().size(), agencies.size(), "functions share an agency");

    for (TfBlock agency : agencies) {
      Map<String, Object> projectRole = HclValues.blocks(agency.get("project_role")).get(0);
      assertEquals("op_svc_cff", agency.get("delegated_service_name"), agency.address());
      assertEquals(List.of(roleName(kmsRole())), references(projectRole.get("roles")));
      assertEquals("var.region", HclValues.requireReference(projectRole.get("project"), "project"));
    }
  }

  @Test
  void obsFunctionAgency_domainRoles_areTheObsPolicyAndTheSweepPolicyWhenEnabled() {
    TfBlock agency = wiring.agencyOf(wiring.obsFunction());

    assertEquals(
        Map.of(ROLE + ".obs", ALWAYS, Wiring.SWEEP_READ_ROLE, WHEN_COUNTED),
        Policies.domainRoles(agency, source),
        agency.address() + " holds other policies");
  }

  @Test
  void apiFunctionAgency_obsAccess_isTheJobsAndSweepPoliciesOnlyWhenEnabled() {
    TfBlock agency = wiring.agencyOf(wiring.apiFunction());

    assertNotEquals(wiring.agencyOf(wiring.obsFunction()), agency);
    assertEquals(
        Map.of(JOBS_ROLE, WHEN_COUNTED, Wiring.SWEEP_START_ROLE, WHEN_COUNTED),
        Policies.domainRoles(agency, source),
        agency.address()
            + " may hold the jobs and sweep policies (each present only when enabled), nothing"
            + " else");
  }

  /**
   * Both sweep policies exist only with sweeps enabled, which takes the jobs API and an allowed
   * bucket ({@link TerraformSweepTest} evaluates the switch).
   */
  @Test
  void sweepPolicies_whenSweepsOff_doNotExist() {
    assertEquals(
        Set.of("var.jobs_api_enabled", "var.sweep_allowed_buckets"),
        source.variablesReachedBy("local.sweeps_enabled"));
    for (String name : List.of(Wiring.SWEEP_READ_ROLE, Wiring.SWEEP_START_ROLE)) {
      TfBlock role = config.resourceReferencedBy(name);
      assertEquals(
          Optional.of("local.sweeps_enabled ? 1 : 0"),
          source.attribute(role, "count"),
          role.address() + " must exist only with sweeps enabled");
      assertEquals("AX", role.get("type"), role.address());
    }
  }

  @Test
  void sweepReadPolicy_grants_readAndListOnTheAllowedBucketsOnly() {
    TfBlock role = config.resourceReferencedBy(Wiring.SWEEP_READ_ROLE);

    assertEquals(
        Map.of(
            SWEEP_OBJECTS, ObsPermissions.SWEEP_OBJECTS,
            SWEEP_BUCKETS, ObsPermissions.SWEEP_BUCKET),
        Policies.grantsPerResource(Policies.policy(role)));
  }

  @Test
  void sweepStartPolicy_grants_listOnTheAllowedBucketsAndANewSweepsStartOnly() {
    TfBlock role = config.resourceReferencedBy(Wiring.SWEEP_START_ROLE);
    String work = bucketExpression(wiring.workBucket());
    WorkLocation location = new WorkLocation(work, workPrefix());
    String folder = "object:" + work + "/" + workPrefix() + "jobs/s-*/";

    assertEquals(
        Map.of(
            SWEEP_BUCKETS,
            ObsPermissions.SWEEP_BUCKET,
            folder + "plan.json",
            ObsPermissions.SWEEP_START_OBJECTS,
            folder + "status.json",
            ObsPermissions.SWEEP_START_OBJECTS,
            "object:" + work + "/" + SweepStart.firstPage(location, "s-*"),
            ObsPermissions.SWEEP_START_OBJECTS,
            "object:" + work + "/" + workPrefix() + "sweeps/*",
            ObsPermissions.SWEEP_INDEX),
        Policies.grantsPerResource(Policies.policy(role)));
  }

  /**
   * Listing and reading the swept buckets come from the allowed list alone, one named bucket per
   * element: no wildcard, no other bucket.
   */
  @Test
  void sweepResources_eachAllowedBucket_isNamedAloneAndNeverAWildcard() {
    for (String local : List.of(SWEEP_BUCKETS, SWEEP_OBJECTS)) {
      assertEquals(
          Set.of(local, "local.sweep_buckets", "local.sweeps_enabled"),
          source.localsReachedBy(local),
          local + " draws buckets from elsewhere");
      assertEquals(
          Set.of("var.jobs_api_enabled", "var.sweep_allowed_buckets"),
          source.variablesReachedBy(local),
          local);
      List<String> keys =
          Policies.expand(local, source, Map.of("local.sweep_buckets", List.of("data-1", "d-2")));
      assertEquals(List.of("data-1", "d-2"), keys.stream().map(Policies::bucket).toList(), local);
    }
  }

  /** Every OBS resource of every policy names one bucket, never a pattern of buckets. */
  @Test
  void everyPolicy_buckets_areNamedNeverWildcards() {
    for (TfBlock role : config.resources(ROLE)) {
      if (!"AX".equals(role.get("type"))) {
        continue;
      }
      for (String key : Policies.grantsPerResource(Policies.policy(role)).keySet()) {
        for (String expanded :
            Policies.expand(key, source, Map.of("local.sweep_buckets", List.of("data-1")))) {
          String bucket = Policies.bucket(expanded);
          assertFalse(
              bucket.contains("*") || bucket.contains("?"),
              role.address() + " grants on a pattern of buckets: " + expanded);
        }
      }
    }
  }

  private TfBlock kmsRole() {
    return role(wiring.agencyOf(wiring.obsFunction()), "XA");
  }

  private TfBlock obsRole() {
    List<String> always =
        Policies.domainRoles(wiring.agencyOf(wiring.obsFunction()), source).entrySet().stream()
            .filter(role -> role.getValue().equals(ALWAYS))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(1, always.size(), "the OBS function's unconditional policies: " + always);
    TfBlock role = config.resourceReferencedBy(always.get(0));
    assertEquals("AX", role.get("type"), role.address());
    return role;
  }

  /** The one role an agency lists under {@code project_role.roles}. */
  private TfBlock role(TfBlock agency, String type) {
    List<String> names =
        references(HclValues.blocks(agency.get("project_role")).get(0).get("roles"));
    assertEquals(1, names.size(), agency.address() + ".project_role.roles: " + names);
    TfBlock role = config.resourceReferencedBy(names.get(0));
    assertEquals(ROLE, role.type(), names.get(0));
    assertEquals(type, role.get("type"), role.address());
    return role;
  }

  private String outputPrefix() {
    return HclValues.requireReference(
        wiring.userData(wiring.obsFunction()).path(Setting.OUTPUT_PREFIX.name()), "OUTPUT_PREFIX");
  }

  /** The failure destination's prefix (async.tf), as the policy interpolates it. */
  private String failurePrefix() {
    TfBlock async = config.resources(Wiring.ASYNC_CONFIG).get(0);
    Map<String, Object> failure = HclValues.blocks(async.get("on_failure")).get(0);
    return HclValues.requireReference(
        HclValues.json(failure.get("param"), "on_failure.param").path("prefix"), "prefix");
  }

  private String userDataExpression(TfBlock function, String key) {
    return source
        .attribute(function, key)
        .orElseThrow(() -> new AssertionError(function.address() + " sets no " + key));
  }

  private String workPrefix() {
    return HclValues.requireReference(
        wiring.userData(wiring.obsFunction()).path(Setting.WORK_PREFIX.name()), "WORK_PREFIX");
  }

  private static String roleName(TfBlock role) {
    return role.address() + ".name";
  }

  /** The expression naming a bucket resource's bucket, as policies interpolate it. */
  private static String bucketExpression(TfBlock bucket) {
    return bucket.address() + ".bucket";
  }

  private static Set<String> actions(JsonNode policy) {
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertEquals("Allow", statement.path("Effect").asText());
      actions.addAll(HclValues.strings(statement.path("Action")));
    }
    return actions;
  }

  private static List<String> deletes(List<String> actions) {
    return actions.stream().filter(a -> a.toLowerCase().contains("delete")).toList();
  }

  private static List<String> references(Object values) {
    return ((List<?>) values)
        .stream().map(value -> HclValues.requireReference(value, "role reference")).toList();
  }
}
