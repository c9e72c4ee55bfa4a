package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.store.ObsPermissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agencies' custom policies against the code: KMS actions exactly those of {@link
 * KmsOperation#FUNCTION_CALLS}; for the OBS function, OBS actions exactly {@link ObsPermissions} on
 * the input and output buckets plus the work location's, the only place anything may be deleted;
 * for the API function, nothing in OBS unless the jobs API is on, and then only job status and
 * cancel markers.
 */
class TerraformAccessTest {
  private static final String ROLE = "huaweicloud_identity_role";
  private static final String JOBS_ROLE = ROLE + ".jobs_api";

  /** An OBS resource string: kind, bucket expression and the key pattern after the bucket. */
  private static final Pattern OBS_RESOURCE =
      Pattern.compile("obs:\\*:\\*:(object|bucket):([^/]+)(?:/(.*))?", Pattern.CASE_INSENSITIVE);

  private final TerraformConfig config = TerraformConfig.deployment();
  private final HclSource source = HclSource.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void kmsPolicy_actions_equalThoseOfTheOperationsTheFunctionCalls() {
    Set<String> expected =
        KmsOperation.FUNCTION_CALLS.stream()
            .flatMap(operation -> operation.iamActions().stream())
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(expected, actions(policy(kmsRole())));
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
    expected.put("object:" + output + "/*", ObsPermissions.OUTPUT_OBJECTS);
    expected.put("bucket:" + output, ObsPermissions.OUTPUT_BUCKET);
    expected.put("object:" + work + "/" + workPrefix() + "*", ObsPermissions.WORK_OBJECTS);
    expected.put("bucket:" + work, ObsPermissions.WORK_BUCKET);

    assertEquals(expected, grantsPerResource(policy(obsRole())));
  }

  @Test
  void everyPolicy_delete_onlyOnObjectsUnderTheWorkPrefix() {
    String workObjects =
        "object:" + bucketExpression(wiring.workBucket()) + "/" + workPrefix() + "*";

    for (TfBlock role : config.resources(ROLE)) {
      for (JsonNode statement : policy(role).path("Statement")) {
        List<String> actions = HclValues.strings(statement.path("Action"));
        assertTrue(
            actions.stream().noneMatch(a -> a.contains("*")),
            role.address() + " grants a wildcard action: " + actions);
        if (actions.stream().anyMatch(a -> a.toLowerCase().contains("delete"))) {
          assertEquals(List.of(ObsPermissions.DELETE_OBJECT), deletes(actions), role.address());
          for (String resource : HclValues.strings(statement.path("Resource"))) {
            assertEquals(
                workObjects,
                resourceKey(resource),
                role.address() + " grants delete outside the work location");
          }
        }
      }
    }
  }

  @Test
  void jobsApiPolicy_whenEnabled_readsJobsAndWritesCancelMarkersOnly() {
    TfBlock role = config.resourceReferencedBy(JOBS_ROLE + ".name");
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
        grantsPerResource(policy(role)));
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
  void obsFunctionAgency_domainRoles_areTheObsPolicyOnly() {
    TfBlock agency = wiring.agencyOf(wiring.obsFunction());

    assertEquals(List.of(roleName(obsRole())), references(agency.get("domain_roles")));
  }

  @Test
  void apiFunctionAgency_obsAccess_isTheJobsPolicyOnlyWhenEnabled() {
    TfBlock agency = wiring.agencyOf(wiring.apiFunction());

    assertNotEquals(wiring.agencyOf(wiring.obsFunction()), agency);
    assertEquals(
        Optional.of(JOBS_ROLE + "[*].name"),
        source.attribute(agency, "domain_roles"),
        agency.address()
            + " may hold the jobs policy (present only when enabled) and nothing else");
  }

  private TfBlock kmsRole() {
    return role(wiring.agencyOf(wiring.obsFunction()), "project_role.roles", "XA");
  }

  private TfBlock obsRole() {
    return role(wiring.agencyOf(wiring.obsFunction()), "domain_roles", "AX");
  }

  /** The one role an agency lists under {@code domain_roles} or {@code project_role.roles}. */
  private TfBlock role(TfBlock agency, String where, String type) {
    Object roles =
        where.equals("domain_roles")
            ? agency.get("domain_roles")
            : HclValues.blocks(agency.get("project_role")).get(0).get("roles");
    List<String> names = references(roles);
    assertEquals(1, names.size(), agency.address() + "." + where + ": " + names);
    TfBlock role = config.resourceReferencedBy(names.get(0));
    assertEquals(ROLE, role.type(), names.get(0));
    assertEquals(type, role.get("type"), role.address());
    return role;
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

  private static JsonNode policy(TfBlock role) {
    return HclValues.json(role.get("policy"), role.address() + ".policy");
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

  /**
   * Actions per resource key ({@code object:<bucket>/<keys>} or {@code bucket:<bucket>}); each
   * resource must name one bucket.
   */
  private static Map<String, Set<String>> grantsPerResource(JsonNode policy) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertEquals("Allow", statement.path("Effect").asText());
      List<String> resources = HclValues.strings(statement.path("Resource"));
      assertFalse(resources.isEmpty(), "an OBS statement without Resource covers every bucket");
      for (String resource : resources) {
        grants
            .computeIfAbsent(resourceKey(resource), k -> new TreeSet<>())
            .addAll(HclValues.strings(statement.path("Action")));
      }
    }
    return grants;
  }

  private static String resourceKey(String resource) {
    Matcher parsed = OBS_RESOURCE.matcher(resource);
    assertTrue(parsed.matches(), "not a single-bucket OBS resource: " + resource);
    String kind = parsed.group(1).toLowerCase();
    assertTrue(
        kind.equals("bucket") == (parsed.group(3) == null),
        "an object resource needs a key pattern, a bucket resource none: " + resource);
    return kind + ":" + parsed.group(2) + (parsed.group(3) == null ? "" : "/" + parsed.group(3));
  }

  private static List<String> references(Object values) {
    return ((List<?>) values)
        .stream().map(value -> HclValues.requireReference(value, "role reference")).toList();
  }
}
